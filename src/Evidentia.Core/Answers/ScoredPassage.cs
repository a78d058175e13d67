using Evidentia.Core.Documents;

namespace Evidentia.Core.Answers;

/// <summary>
/// A sentence retrieved for a question. <paramref name="Score"/> orders candidates (higher is better);
/// <paramref name="Relevance"/> in [0, 1] is the share of the question's weighted terms that the sentence
/// and its document title cover, the quantity the abstention threshold is set on.
/// </summary>
public sealed record ScoredPassage(Document Document, Passage Passage, double Score, double Relevance)
{
    public string Text => Document.Quote(Passage.Span);
}
