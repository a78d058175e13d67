using Evidentia.Core.Documents;

namespace Evidentia.Core.Answers;

/// <summary>A numbered reference, numbered in order of first use.</summary>
public sealed record Reference(
    int N, string DocumentId, string Collection, string Title, string? Source, int? Year, EvidenceLevel EvidenceLevel, string? Url);
