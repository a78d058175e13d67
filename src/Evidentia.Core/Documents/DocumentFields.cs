namespace Evidentia.Core.Documents;

/// <summary>Names of the optional metadata fields that readers fill in <see cref="Document.Fields"/>.</summary>
public static class DocumentFields
{
    /// <summary>The question a question–answer source answers (MedQuAD, MEDIQA).</summary>
    public const string Question = "question";

    /// <summary>The focus of a question–answer pair (a condition, drug or procedure).</summary>
    public const string Focus = "focus";

    /// <summary>Other names of the focus.</summary>
    public const string Synonyms = "synonyms";

    /// <summary>The source's question type ("treatment", "symptoms", …).</summary>
    public const string QuestionType = "qtype";

    /// <summary>MeSH headings.</summary>
    public const string Mesh = "mesh";

    /// <summary>PubMed publication types.</summary>
    public const string PublicationTypes = "publicationTypes";

    /// <summary>The journal of a PubMed citation.</summary>
    public const string Journal = "journal";

    /// <summary>
    /// What a document is about and for whom beyond its title, as its source states it: a guideline's conditions, target
    /// population and objectives. It frames every sentence of the document, as a question–answer source's question does.
    /// </summary>
    public const string Scope = "scope";

    /// <summary>Who developed a guideline (one value a developer: "American Academy of Neurology").</summary>
    public const string Developer = "developer";

    /// <summary>
    /// What a guideline's grades mean, as its recommendations define them at their end ("Definitions", "Strength of
    /// Recommendations" …): stored and shown with the guideline, never cited.
    /// </summary>
    public const string GradeDefinitions = "gradeDefinitions";

    /// <summary>A guideline's release and revision dates as its summary gives them ("2012 Aug 7 (reaffirmed 2015 Jul 18)").</summary>
    public const string Released = "Date Released";

    /// <summary>A guideline summary's copyright statement.</summary>
    public const string Copyright = "Copyright Statement";

    /// <summary>Whether a guideline is the current release, and its reaffirmations.</summary>
    public const string GuidelineStatus = "Guideline Status";

    /// <summary>A guideline's scheme for rating the strength of the evidence.</summary>
    public const string EvidenceRatingScheme = "Rating Scheme for the Strength of the Evidence";

    /// <summary>A guideline's scheme for rating the strength of its recommendations.</summary>
    public const string RecommendationRatingScheme = "Rating Scheme for the Strength of the Recommendations";
}
