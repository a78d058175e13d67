using Evidentia.Core.Documents;

namespace Evidentia.Search.Retrieval;

/// <summary>A document found for a query, best first.</summary>
public sealed record SearchHit(DocumentKey Key, string Title, float Score)
{
    /// <summary>When the search was hybrid: the cosine similarity of the query to the document's title and own question in meaning.</summary>
    public float? Meaning { get; init; }
}
