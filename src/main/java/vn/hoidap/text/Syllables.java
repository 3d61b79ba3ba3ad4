package vn.hoidap.text;

import java.util.regex.Pattern;

/** The shape of a written Vietnamese syllable: optional onset, a vowel nucleus of 1–3 letters, optional coda. */
public final class Syllables {

    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|gh|gi|ch|kh|nh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?");
    private static final Pattern CONSONANTS = Pattern.compile("(ngh|ng|gh|gi|ch|kh|nh|ph|th|tr|[bcdghklmnprstvx])");

    private Syllables() {
    }

    /** True for "chuyển", "nghiệp", "đổi"; false for "strén", "c", "xyz". */
    public static boolean isValid(String word) {
        String f = Fold.fold(word);
        return !f.isEmpty() && SYLLABLE.matcher(f).matches();
    }

    /** A lone onset cut off its syllable by a PDF extractor: "c" of "c huyển", "ng" of "ng ười". */
    static boolean isOnsetFragment(String token) {
        return !token.isEmpty() && token.equals(token.toLowerCase(java.util.Locale.ROOT))
                && CONSONANTS.matcher(Fold.fold(token)).matches();
    }
}
