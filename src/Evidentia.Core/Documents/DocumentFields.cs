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
}
