namespace Evidentia.Core.Articles;

/// <summary>A library listing: newest first, optionally filtered by words of the question, question type, topic or status.</summary>
public sealed record ArticleQuery
{
    /// <summary>Words that must all appear in the question (case-insensitive).</summary>
    public string? Text { get; init; }

    public string? QuestionType { get; init; }

    /// <summary>The focus of the question ("hypertension").</summary>
    public string? Topic { get; init; }

    public ReviewStatus? Status { get; init; }

    public int Limit { get; init; } = 50;

    /// <summary>Every audience variant as its own row (the review queue), not one row per question.</summary>
    public bool Variants { get; init; }

    /// <summary>Oldest first (a queue), instead of newest first.</summary>
    public bool OldestFirst { get; init; }
}
