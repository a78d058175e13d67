using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Core.Text;
using Evidentia.Search.Indexing;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Semantics;

// Invented placeholder pages: they test the mechanics of search by meaning, they are not evidence.
public class DenseIndexTests
{
    private static Document Page(string id, string title, string question, string text) =>
        Document.Create(new DocumentKey("site", id), title, [new SourceSection(question, text)], evidenceLevel: EvidenceLevel.PatientInformation,
            fields: new Dictionary<string, IReadOnlyList<string>> { [DocumentFields.Question] = [question] });

    private static readonly Document[] Pages =
    [
        Page("car", "Flat tyres", "How do I change a flat tyre on my car?", "A placeholder page about the wheels of a car."),
        Page("bake", "Sourdough", "How is sourdough bread baked?", "A placeholder page about an oven and flour."),
        Page("sleep", "Insomnia", "What helps people who cannot fall asleep at night?", "A placeholder page about the hours of the night."),
    ];

    // An encoder that counts what it is asked to encode, over the real one.
    private sealed class CountingEncoder(ITextEncoder inner) : ITextEncoder
    {
        public List<string> Encoded { get; } = [];

        public int Dimensions => inner.Dimensions;

        public string Model => inner.Model;

        public float[][] Encode(IReadOnlyList<string> texts, bool asQuery = false)
        {
            Encoded.AddRange(texts);
            return inner.Encode(texts, asQuery);
        }
    }

    [Fact]
    public async Task Should_Encode_Each_Text_Once_And_Only_What_Changed()
    {
        await using var test = await TestWorkspace.IndexedAsync(Pages);
        var encoder = new CountingEncoder(Evidentia.Semantics.Encoders.Default);
        using var dense = DenseIndex.Open(test.Folder.Combine("vectors"), encoder.Model, encoder.Dimensions, () => encoder);

        Assert.Equal((0, 3), test.Workspace.Index.WithSearcher(s => dense.Coverage(s.IndexReader)));
        Assert.Equal(3, test.Workspace.Index.WithSearcher(s => dense.Build(s, null, CancellationToken.None)));
        Assert.Equal(0, test.Workspace.Index.WithSearcher(s => dense.Build(s, null, CancellationToken.None)));
        Assert.Equal((3, 3), test.Workspace.Index.WithSearcher(s => dense.Coverage(s.IndexReader)));

        // One page's question changes: only its new text is encoded.
        await test.Workspace.Store.UpsertAsync([Page("bake", "Sourdough", "How long does sourdough dough rise?", "A placeholder page about an oven.")], CancellationToken.None);
        await test.Workspace.SyncIndexAsync(false, null, CancellationToken.None);
        Assert.Equal((2, 3), test.Workspace.Index.WithSearcher(s => dense.Coverage(s.IndexReader)));
        Assert.Equal(1, test.Workspace.Index.WithSearcher(s => dense.Build(s, null, CancellationToken.None)));
        Assert.Equal(4, encoder.Encoded.Count);
        // The question names its title: it is encoded alone.
        Assert.Equal("How long does sourdough dough rise?", encoder.Encoded[^1]);
    }

    [Fact]
    public async Task Should_Keep_Vectors_Across_A_Reopen_And_Drop_A_Record_Cut_Short()
    {
        await using var test = await TestWorkspace.IndexedAsync(Pages);
        var path = test.Folder.Combine("vectors");
        var encoder = new CountingEncoder(Evidentia.Semantics.Encoders.Default);
        using (var dense = DenseIndex.Open(path, encoder.Model, encoder.Dimensions, () => encoder))
        {
            test.Workspace.Index.WithSearcher(s => dense.Build(s, null, CancellationToken.None));
        }

        // A crash in the middle of an append leaves part of a record at the end of the file.
        var file = Directory.GetFiles(path, "dense-*.vec").Single();
        var whole = new FileInfo(file).Length;
        File.AppendAllText(file, "partial record");

        using var reopened = DenseIndex.Open(path, encoder.Model, encoder.Dimensions, () => encoder);
        Assert.Equal((3, 3), test.Workspace.Index.WithSearcher(s => reopened.Coverage(s.IndexReader)));
        Assert.Equal(whole, new FileInfo(file).Length);
        Assert.Equal(0, test.Workspace.Index.WithSearcher(s => reopened.Build(s, null, CancellationToken.None)));
        Assert.Equal(3, encoder.Encoded.Count);
    }

    [Fact]
    public async Task Should_Search_By_Meaning_Only_Once_Every_Vector_Is_Built_And_Say_So()
    {
        await using var test = await TestWorkspace.IndexedAsync(Pages);
        var engine = test.Workspace.CreateAnswerEngine();
        // Words the pages share with the question: "night" only; in meaning, the insomnia page.
        const string question = "I lie awake all night, what can I do?";

        var before = test.Workspace.Searcher.Retrieve(question, 3);
        Assert.False(before.Hybrid);
        Assert.Equal("lexical", (await engine.AskAsync(question, Audience.Patient, null, CancellationToken.None)).Retrieval);

        test.Workspace.BuildVectors(null, CancellationToken.None);
        var after = test.Workspace.Searcher.Retrieve(question, 3);

        Assert.True(after.Hybrid);
        Assert.Equal("sleep", after.Hits[0].Key.Id);
        // Each hit says how near it is in meaning once the search is hybrid (what answerability reads), not before.
        Assert.All(before.Hits, h => Assert.Null(h.Meaning));
        Assert.All(after.Hits, h => Assert.InRange(h.Meaning!.Value, -1f, 1f));
        Assert.True(after.Hits[0].Meaning > after.Hits[^1].Meaning);
        var answer = await engine.AskAsync(question, Audience.Patient, null, CancellationToken.None);
        Assert.Equal("hybrid", answer.Retrieval);
        Assert.Equal("hybrid", JsonSerializer.SerializeToElement(answer, AnswerJson.Options).GetProperty("retrieval").GetString());
    }

    [Fact]
    public async Task Should_Find_By_Meaning_A_Page_That_Shares_No_Word_With_The_Question()
    {
        await using var test = await TestWorkspace.IndexedAsync(Pages);
        test.Workspace.BuildVectors(null, CancellationToken.None);

        var hits = test.Workspace.Searcher.Search("my automobile has a puncture", 3);

        Assert.Equal("car", hits[0].Key.Id);
    }

    [Fact]
    public async Task Should_Build_The_Vectors_In_The_Background_Of_A_Web_Node_And_Say_So_In_Health()
    {
        await using var test = await TestWorkspace.IndexedAsync(Pages);
        await using var web = await WebServer.StartAsync(test.Workspace.CreateWebBackend(), "--Web:BuildVectors", "true", "--Web:SyncIntervalMs", "100");

        var body = "";
        for (var attempt = 0; attempt < 300 && !body.EndsWith("search by meaning and words", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            body = await web.Client.GetStringAsync("/health");
        }

        Assert.Equal("Healthy: index up to date; search by meaning and words", body);
        Assert.Equal((3, 3), test.Workspace.Searcher.DenseCoverage());
    }
}
