using Evidentia.Core.Documents;

namespace Evidentia.Search.Retrieval;

/// <summary>A document found for a query, best first.</summary>
public sealed record SearchHit(DocumentKey Key, string Title, float Score);
