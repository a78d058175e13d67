namespace Evidentia.Search.Indexing;

/// <summary>Field names of the Lucene index.</summary>
public static class IndexFields
{
    /// <summary>"collection/id": the unique key updates and deletes go by.</summary>
    public const string Key = "key";

    public const string Id = "id";

    public const string Collection = "collection";

    /// <summary>"true" or "false": question-only entries are indexed but never cited.</summary>
    public const string Citable = "citable";

    /// <summary>Title, or the focus of a question–answer pair.</summary>
    public const string Title = "title";

    /// <summary>The question a question–answer source answers.</summary>
    public const string Question = "question";

    /// <summary>Everything searchable in one field (title, question, synonyms, headings, text): the base of BM25 scoring.</summary>
    public const string All = "all";

    /// <summary>The source's question type ("treatment", "information"), stored.</summary>
    public const string QuestionType = "qtype";

    /// <summary>Doc values: <see cref="Retrieval.Duplicates.Fingerprint"/> of the document's text.</summary>
    public const string Fingerprint = "fingerprint";

    /// <summary>Doc values: the title's analysed terms, space-separated.</summary>
    public const string TitleTerms = "titleTerms";

    /// <summary>Doc values: the analysed terms of the document's own questions, space-separated.</summary>
    public const string QuestionTerms = "questionTerms";

    /// <summary>Stored: the text a citable document's sentence vector is made from (<see cref="DenseIndex.Text"/>).</summary>
    public const string DenseText = "denseText";

    /// <summary>Doc values: the 16-byte content hash of <see cref="DenseText"/>, the key of its vector in the <see cref="VectorCache"/>.</summary>
    public const string DenseKey = "denseKey";

    /// <summary>Doc values: the <see cref="Core.Questions.QuestionType"/> of the document's own question, or -1.</summary>
    public const string AnswerType = "answerType";

    /// <summary>The normalised title of a citable document (<see cref="SearchIndex.NameKey"/>), for exact look-ups of names
    /// (definitions, other names).</summary>
    public const string Name = "name";

    /// <summary>
    /// The normalised other names a source gives a citable document's focus (MedQuAD's synonyms: "hypertension" for
    /// "High Blood Pressure"), for exact look-ups of names.
    /// </summary>
    public const string Alias = "alias";

    /// <summary>The document's sentences, each as <see cref="SearchIndex.SentenceKey"/>: counted, not stored.</summary>
    public const string Sentence = "sentence";
}
