package vn.hoidap.upload;

/** Published after a new generation of the knowledge is swapped in (a plan published or withdrawn, an FAQ saved). */
public record KnowledgeChanged(int uploadedPlans, int faqEntries) {
}
