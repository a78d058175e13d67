namespace Evidentia.Search.Retrieval;

/// <summary>Field weights of first-stage BM25 (configuration section "Search"). A first, untuned setting.</summary>
public sealed class SearchOptions
{
    public float TitleWeight { get; set; } = 2.0f;

    public float QuestionWeight { get; set; } = 1.5f;

    public float SynonymsWeight { get; set; } = 1.0f;

    public float HeadingsWeight { get; set; } = 1.0f;

    public float BodyWeight { get; set; } = 1.0f;

    /// <summary>Documents whose sentences the answer composer considers.</summary>
    public int AnswerDocuments { get; set; } = 20;
}
