package vn.hoidap.corpus;

/** A corpus file that cannot be used; the message names the file and, where it applies, the field. */
public final class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
