namespace Evidentia.Core.Documents;

/// <summary>A half-open character range [Start, End) of a document's stored text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}
