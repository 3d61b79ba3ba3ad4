package vn.hoidap.assistant;

/**
 * What the answer must contain for the question to be answered at all: a year ("năm 2027"), a sum of
 * money, a person's name, a sanction, a document number. When the selected plans do not contain it the
 * honest answer says so instead of offering nearby content.
 */
record AskedSpecifics(Integer year, boolean amount, boolean person, boolean sanction, String documentNumber) {

    static final AskedSpecifics NONE = new AskedSpecifics(null, false, false, false, null);

    boolean any() {
        return year != null || amount || person || sanction || documentNumber != null;
    }

    AskedSpecifics withYear(Integer y) {
        return new AskedSpecifics(y, amount, person, sanction, documentNumber);
    }
}
