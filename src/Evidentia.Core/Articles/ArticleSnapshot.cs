using System.Text.Json;

namespace Evidentia.Core.Articles;

/// <summary>
/// Everything an article version was built from, so it can be replayed and compared later: the store and index
/// positions, the composer and software version, the retrieval and composition settings, and every cited
/// document with its content hash at the time.
/// </summary>
public sealed record ArticleSnapshot(
    long StoreSequence,
    long IndexSequence,
    string Composer,
    string Software,
    JsonElement Settings,
    IReadOnlyList<EvidenceUsed> Evidence);

/// <summary>A cited document as it was when the article version was made.</summary>
public sealed record EvidenceUsed(string Collection, string Id, string ContentHash);
