namespace Evidentia.Core.Documents;

/// <summary>
/// The kind of evidence a document is, strongest first. The order is the ranking preference:
/// a lower value is stronger evidence. Research (a paper of no known design) ranks above patient
/// information, which restates evidence for a lay reader; patients still see patient information first
/// (an ordering by audience, not a change of rank).
/// </summary>
public enum EvidenceLevel
{
    Guideline,
    SystematicReview,
    RandomizedTrial,
    ObservationalStudy,
    Review,
    CaseReport,
    Research,
    PatientInformation,
}
