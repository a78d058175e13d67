using Evidentia.Core.Documents;

namespace Evidentia.Web.Answering;

/// <summary>Finds a source by its id, and by collection when several collections hold the id.</summary>
public static class SourceLookup
{
    /// <summary>The document, or null with the collections that hold the id (none, or several when the collection was not given).</summary>
    public static async Task<(Document? Document, IReadOnlyList<string> Collections)> FindAsync(
        IDocumentStore store, string id, string? collection, CancellationToken cancellationToken)
    {
        var found = await store.FindAsync(id, cancellationToken);
        if (!string.IsNullOrEmpty(collection))
        {
            found = found.Where(d => d.Collection == collection).ToList();
        }

        return (found.Count == 1 ? found[0] : null, found.Select(d => d.Collection).ToList());
    }
}
