namespace Evidentia.Core.Answers;

/// <summary>Composes an answer from ranked evidence: the extractive composer (default) or an LLM composer whose claims are verified.</summary>
public interface IAnswerComposer
{
    Task<Answer> ComposeAsync(AnswerRequest request, IReadOnlyList<ScoredPassage> candidates, IReadOnlyList<Definition> definitions, CancellationToken cancellationToken);
}
