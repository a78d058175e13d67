using System.Reflection;
using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Articles;
using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;

namespace Evidentia.Web.Answering;

/// <summary>Records what an answer was built from: store and index positions, settings, software, cited documents' hashes.</summary>
public sealed class Snapshots(IDocumentStore store, SearchIndex index, JsonElement settings)
{
    private static readonly string Software =
        typeof(Snapshots).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<ArticleSnapshot> CreateAsync(Answer answer, CancellationToken cancellationToken)
    {
        var keys = answer.References.Select(r => new DocumentKey(r.Collection, r.DocumentId)).Distinct().ToList();
        var documents = await store.GetAsync(keys, cancellationToken);
        return new ArticleSnapshot(
            await store.GetLastSequenceAsync(cancellationToken),
            index.CommittedSequence,
            answer.Composer,
            Software,
            settings,
            documents.Select(d => new EvidenceUsed(d.Collection, d.Id, d.ContentHash)).OrderBy(e => e.Collection, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList());
    }
}
