namespace Evidentia.Core.Answers;

/// <summary>The exact span of a stored document behind citation <paramref name="N"/>: <c>Text</c> equals the stored text at [Start, End).</summary>
public sealed record Quote(int N, string DocumentId, string Collection, int Start, int End, string Text);
