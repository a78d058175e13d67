namespace Evidentia.Core.Answers;

/// <summary>Settings of the extractive composer (configuration section "Composer").</summary>
public sealed class ComposerOptions
{
    /// <summary>
    /// Below this <see cref="ScoredPassage.Relevance"/> of the best sentence, the answer is
    /// <see cref="AnswerOutcome.InsufficientEvidence"/>; sentences below it are not used. Calibrated on the
    /// LiveQA-Med and MEDIQA dev questions by <c>dotnet run -c Release --project bench/Evidentia.Bench -- answers</c>:
    /// the threshold that balances the shortfalls of answering 90% of the questions that have a relevant
    /// document and declining 80% of those that do not (docs/EVALUATION.md, "Abstention").
    /// </summary>
    public double MinRelevance { get; set; } = 0.47;

    /// <summary>For a typed question (treatment, diagnosis, …), at most this many sentences that no section of its plan claims.</summary>
    public int MaxOtherEvidence { get; set; } = 2;

    /// <summary>Sentences in the bottom line.</summary>
    public int BottomLineSentences { get; set; } = 2;

    /// <summary>Sentences in the whole answer, bottom line included.</summary>
    public int MaxSentences { get; set; } = 10;

    /// <summary>At most this many sentences from one document, so that one source cannot fill an answer.</summary>
    public int MaxSentencesPerDocument { get; set; } = 2;

    /// <summary>Shorter sentences are headings or fragments, not statements worth citing.</summary>
    public int MinSentenceLength { get; set; } = 30;

    public int MaxSentenceLength { get; set; } = 600;

    /// <summary>Patients get shorter sentences: longer ones are left to the clinician audiences.</summary>
    public int MaxPatientSentenceLength { get; set; } = 280;

    /// <summary>Fewer words than this is a label or a link title ("Genetic Testing Registry: X"), not a statement.</summary>
    public int MinWords { get; set; } = 6;

    /// <summary>Word-set overlap (Jaccard) at which two sentences count as the same statement.</summary>
    public double DuplicateOverlap { get; set; } = 0.7;

    /// <summary>Content-word overlap at which a negated and an affirmed sentence are about the same point.</summary>
    public double DisagreementOverlap { get; set; } = 0.4;

    /// <summary>Bottom-line candidates score within this share of the best; among them the strongest evidence leads.</summary>
    public double BottomLineScoreShare { get; set; } = 0.85;
}
