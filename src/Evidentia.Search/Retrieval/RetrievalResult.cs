namespace Evidentia.Search.Retrieval;

/// <summary>What a search found, best first, and whether it searched by meaning as well as by words (<see cref="DocumentSearcher.Retrieve"/>).</summary>
public sealed record RetrievalResult(IReadOnlyList<SearchHit> Hits, bool Hybrid);
