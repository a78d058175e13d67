using Evidentia.Core.Documents;
using Evidentia.Storage.Sqlite;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Storage;

public sealed class SqliteDocumentStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Document Doc(string id, string text, string collection = "c") =>
        Document.Create(new DocumentKey(collection, id), "Title " + id, [new SourceSection("Heading", text)], source: "S", year: 2020,
            fields: new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.Synonyms] = ["a", "b"] });

    [Fact]
    public async Task Should_Round_Trip_A_Document_Exactly()
    {
        await using var store = await SqliteDocumentStore.OpenAsync(_folder.Combine("e.db"), CancellationToken.None);
        var original = Doc("1", "First sentence. Second sentence.");
        await store.UpsertAsync([original], CancellationToken.None);

        var stored = Assert.Single(await store.GetAsync([original.Key], CancellationToken.None));
        Assert.Equal(original.ContentHash, stored.ContentHash);
        Assert.Equal(original.Passages, stored.Passages);
        Assert.Equal(["a", "b"], stored.Fields[DocumentFields.Synonyms]);
    }

    [Fact]
    public async Task Should_Change_Nothing_When_The_Same_Documents_Are_Written_Again()
    {
        await using var store = await SqliteDocumentStore.OpenAsync(_folder.Combine("e.db"), CancellationToken.None);
        Assert.Equal(new StoreWriteResult(2, 0, 0), await store.UpsertAsync([Doc("1", "One."), Doc("2", "Two.")], CancellationToken.None));
        var sequence = await store.GetLastSequenceAsync(CancellationToken.None);

        Assert.Equal(new StoreWriteResult(0, 0, 2), await store.UpsertAsync([Doc("1", "One."), Doc("2", "Two.")], CancellationToken.None));
        Assert.Equal(sequence, await store.GetLastSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Should_Replace_A_Changed_Document_And_Put_It_At_The_End_Of_The_Feed()
    {
        await using var store = await SqliteDocumentStore.OpenAsync(_folder.Combine("e.db"), CancellationToken.None);
        await store.UpsertAsync([Doc("1", "One."), Doc("2", "Two.")], CancellationToken.None);
        Assert.Equal(new StoreWriteResult(0, 1, 1), await store.UpsertAsync([Doc("1", "One, changed."), Doc("2", "Two.")], CancellationToken.None));

        var feed = await store.GetChangesAsync(0, 10, CancellationToken.None);
        Assert.Equal(["2", "1"], feed.Select(c => c.Document.Id));
        Assert.Equal([2L, 3L], feed.Select(c => c.Sequence));
        Assert.Equal("One, changed.", feed[1].Document.Text);
        Assert.Single(await store.GetChangesAsync(2, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Should_Keep_Equal_Ids_Of_Different_Collections_Apart()
    {
        await using var store = await SqliteDocumentStore.OpenAsync(_folder.Combine("e.db"), CancellationToken.None);
        await store.UpsertAsync([Doc("123", "In A.", "pubmedqa"), Doc("123", "In B.", "bioasq")], CancellationToken.None);
        var stats = await store.GetStatsAsync(CancellationToken.None);
        Assert.Equal(["bioasq", "pubmedqa"], stats.Select(s => s.Collection));
    }

    [Fact]
    public async Task Should_Keep_Data_Across_Reopening()
    {
        var path = _folder.Combine("e.db");
        await using (var store = await SqliteDocumentStore.OpenAsync(path, CancellationToken.None))
        {
            await store.UpsertAsync([Doc("1", "One.")], CancellationToken.None);
        }

        await using var reopened = await SqliteDocumentStore.OpenAsync(path, CancellationToken.None);
        Assert.Equal(1, await reopened.GetLastSequenceAsync(CancellationToken.None));
    }
}
