namespace Evidentia.Search.Retrieval;

/// <summary>
/// Weights of first-stage BM25 (configuration section "Search"). The base is BM25 over everything in one
/// field; matches in the title (or MedQuAD focus) and in the source's own question add to it. Chosen by
/// measurement on all dev benchmarks together (docs/EVALUATION.md, "Retrieval ablations").
/// </summary>
public sealed class SearchOptions
{
    /// <summary>BM25 over title, question, synonyms, MeSH, headings and text in one field.</summary>
    public float AllWeight { get; set; } = 1.0f;

    public float TitleWeight { get; set; } = 0.5f;

    public float QuestionWeight { get; set; } = 0.5f;

    /// <summary>Match words the index has never seen by edit distance (1, or 2 from 8 letters), as misspellings.</summary>
    public bool CorrectSpelling { get; set; } = true;

    /// <summary>Reorder the first stage's best candidates with the learned <see cref="Reranker"/>.</summary>
    public bool Rerank { get; set; } = true;

    /// <summary>How many of the first stage's candidates the reranker reorders (at least as many as asked for).</summary>
    public int RerankDepth { get; set; } = 100;

    /// <summary>Search by meaning too once every citable document has its sentence vector (<see cref="Indexing.DenseIndex"/>).</summary>
    public bool Dense { get; set; } = true;

    /// <summary>How many of the documents nearest the question in meaning join the first stage's candidates.</summary>
    public int DenseDepth { get; set; } = 30;

    /// <summary>Documents whose sentences the answer composer considers.</summary>
    public int AnswerDocuments { get; set; } = 20;

    /// <summary>
    /// A sentence that at least this many documents of a collection state word for word, and at least
    /// <see cref="TemplateShare"/> of them, is a template (a page's instructions for reading it, a site's standard
    /// paragraph), not a statement about the document's subject: answers never quote it.
    /// </summary>
    public int TemplateDocuments { get; set; } = 20;

    /// <inheritdoc cref="TemplateDocuments"/>
    public double TemplateShare { get; set; } = 0.02;

    /// <summary>
    /// A term is explained to patients only when a word of it is this rare: at most this share of the indexed
    /// documents use it (<see cref="DocumentSearcher.FindDefinitions"/>).
    /// </summary>
    public double TechnicalShare { get; set; } = 0.02;
}
