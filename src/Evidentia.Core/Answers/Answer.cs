namespace Evidentia.Core.Answers;

/// <summary>A composed answer: the contract of <c>evidentia ask --json</c> and <c>POST /api/answers</c>.</summary>
public sealed record Answer
{
    public required string Id { get; init; }

    /// <summary>The id a batch input gave the question; null for a single question.</summary>
    public string? QuestionId { get; init; }

    public required AnswerOutcome Outcome { get; init; }

    /// <summary>Why the outcome is not <see cref="AnswerOutcome.Answered"/>; null when it is.</summary>
    public string? Reason { get; init; }

    public required string Question { get; init; }

    public required Audience Audience { get; init; }

    /// <summary>The question type that chose the section plan ("Treatment", "Diagnosis", …).</summary>
    public string? QuestionType { get; init; }

    /// <summary>What the question is about, as analysed; follow-ups inherit it.</summary>
    public string? Focus { get; init; }

    /// <summary>The conversation this answer belongs to; a follow-up passes it on.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The question as searched when it differs from <see cref="Question"/> (a follow-up completed with its thread's focus).</summary>
    public string? SearchedAs { get; init; }

    /// <summary>
    /// The share of the question's weighted terms that the best evidence covers (0 to 1): what the abstention
    /// threshold is compared with. Null when nothing was found.
    /// </summary>
    public double? Relevance { get; init; }

    public IReadOnlyList<AnswerItem> BottomLine { get; init; } = [];

    public IReadOnlyList<AnswerSection> Sections { get; init; } = [];

    public IReadOnlyList<Reference> References { get; init; } = [];

    /// <summary>
    /// A note a reviewer added, shown apart from the evidence and marked as the reviewer's: never a cited
    /// statement, and not part of the bottom line or the sections.
    /// </summary>
    public string? ReviewerNote { get; init; }

    public IReadOnlyList<RelatedQuestion> RelatedQuestions { get; init; } = [];

    public IReadOnlyList<string> FollowUps { get; init; } = [];

    /// <summary>"extractive" (every sentence a quote) or "llm" (generated sentences that passed the claim verifier).</summary>
    public string Composer { get; init; } = "extractive";

    /// <summary>For the LLM composer: what the claim verifier kept and dropped.</summary>
    public ClaimVerification? Verification { get; init; }

    /// <summary>
    /// "hybrid" when the evidence was searched by meaning as well as by words, "lexical" when by words alone (the
    /// sentence vectors were not built yet, or are off).
    /// </summary>
    public string Retrieval { get; init; } = "lexical";

    /// <summary>Milliseconds per stage ("retrieve", "compose").</summary>
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The references as a reader sees them: one per number, each with the documents it was cited from (several when
    /// one page is stored as several documents; not part of the JSON, whose <see cref="References"/> lists each).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<IGrouping<int, Reference>> ReferencesByNumber => References.GroupBy(r => r.N);

    /// <summary>Every sentence of the answer: the bottom line, then each section's items (not part of the JSON).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<AnswerItem> AllItems => BottomLine.Concat(Sections.SelectMany(s => s.Items));
}
