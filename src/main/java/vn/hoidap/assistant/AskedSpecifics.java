package vn.hoidap.assistant;

/**
 * What the answer must contain for the question to be answered at all: a year ("năm 2027"), a sum of
 * money, a person's name, a sanction, a document number, a percentage ("bao nhiêu %"), or the thing counted
 * ("bao nhiêu chuyên gia" needs a figure of experts, not of engineers). When the selected plans do not
 * contain it the honest answer says so instead of offering nearby content.
 *
 * @param period  the year came from a period ("giai đoạn 2026-2030") or names a plan ("Kế hoạch Đồng Nai
 *                2022"): it selects a plan, it is not a year the answer must contain
 * @param percent the question asks a percentage ("bao nhiêu %", "bao nhiêu phần trăm")
 * @param counted the folded words of what a "bao nhiêu …" question counts ("chuyen gia"), or null
 * @param number  the question asks a number ("tổng đài … số mấy?"): the answer must hold a figure
 * @param contact the question asks an office's phone number or hotline: the answer must hold one next to
 *                the word that introduces it ("tổng đài 1022"), not just any figure
 * @param unknownPlan the number of a plan the question names ("Kế hoạch 999") that no plan of the corpus
 *                has and none cites: no answer about it can come from another plan
 */
record AskedSpecifics(Integer year, boolean amount, boolean person, boolean sanction, String documentNumber,
                      boolean period, boolean percent, String counted, boolean number,
                      boolean contact, String unknownPlan) {

    static final AskedSpecifics NONE = new AskedSpecifics(null, false, false, false, null, false, false, null, false,
            false, null);

    boolean any() {
        return year != null || amount || person || sanction || documentNumber != null || percent || counted != null
                || number || contact;
    }

    /**
     * The specifics a "who" answer must hold: "ai lo việc dự báo ngành CNTT cần bao nhiêu người làm?" asks
     * an agency; its "bao nhiêu …" describes the task asked about, and the agency named is the answer. Money,
     * sanctions and a person's name still have to be there.
     */
    AskedSpecifics ofAnAgency() {
        return new AskedSpecifics(year, amount, person, sanction, documentNumber, period, false, null, false,
                contact, unknownPlan);
    }

    AskedSpecifics withYear(Integer y) {
        return new AskedSpecifics(y, amount, person, sanction, documentNumber, period, percent, counted, number,
                contact, unknownPlan);
    }
}
