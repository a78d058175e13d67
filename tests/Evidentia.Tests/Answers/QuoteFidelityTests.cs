using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Text;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Answers;

/// <summary>
/// Over answers to hundreds of real dev questions, every cited quote is the stored document text at its
/// offsets, and occurs in the source file's own text (the JSON line the document was read from; whitespace
/// runs compared collapsed, as ingestion normalises them).
/// </summary>
[Collection(SharedCorpusCollection.Name)]
public class QuoteFidelityTests(SharedCorpusFixture corpus)
{
    private readonly Dictionary<string, string[]> _files = [];

    [Fact]
    public async Task Every_Cited_Quote_Should_Be_Verbatim_In_The_Store_And_In_The_Source_File()
    {
        if (corpus.Workspace is null)
        {
            return;
        }

        var questions = DevQuestions(corpus.DataFolder!).Where(q => !string.IsNullOrWhiteSpace(q)).ToList();
        Assert.True(questions.Count >= 200, $"only {questions.Count} dev questions");
        var engine = corpus.Workspace.CreateAnswerEngine();
        var answered = 0;
        var quotes = 0;
        foreach (var question in questions)
        {
            var answer = await engine.AskAsync(question, Audience.Physician, null, CancellationToken.None);
            if (answer.Outcome == AnswerOutcome.Answered)
            {
                answered++;
            }

            // A number may stand for several documents (one page stored as several); each quote names one listed under it.
            var listed = answer.References.ToLookup(r => r.N, r => new Core.Documents.DocumentKey(r.Collection, r.DocumentId));
            var documents = (await corpus.Workspace.Store.GetAsync(listed.SelectMany(k => k).Distinct().ToList(), CancellationToken.None)).ToDictionary(d => d.Key);
            foreach (var item in answer.AllItems)
            {
                Assert.NotEmpty(item.Citations);
                Assert.Equal(item.Citations.Order(), item.Quotes.Select(q => q.N).Distinct().Order());
                foreach (var quote in item.Quotes)
                {
                    quotes++;
                    var key = new Core.Documents.DocumentKey(quote.Collection, quote.DocumentId);
                    Assert.Contains(key, listed[quote.N]);
                    var document = documents[key];
                    Assert.Equal(document.Text[quote.Start..quote.End], quote.Text);
                    Assert.Contains(WhitespaceNormalizer.CollapseAll(quote.Text), SourceText(document.Origin!), StringComparison.Ordinal);
                }
            }
        }

        Assert.True(answered >= questions.Count / 2, $"only {answered} of {questions.Count} questions were answered");
        Assert.True(quotes > 1000, $"only {quotes} quotes were checked");
    }

    // LiveQA-Med (paraphrases), MEDIQA and the first 100 BioASQ questions of the dev sets.
    private static IEnumerable<string> DevQuestions(string data) => Evidentia.Search.Evaluation.DevQuestions.Read(data, bioAsqLimit: 100).Select(q => q.Text);

    // The text of the JSON line a document came from ("path:line"): all its string values, whitespace collapsed.
    private string SourceText(string origin)
    {
        var colon = origin.LastIndexOf(':');
        var path = origin[..colon];
        var line = int.Parse(origin[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        if (!_files.TryGetValue(path, out var lines))
        {
            using var stream = path.EndsWith(".gz", StringComparison.Ordinal)
                ? (Stream)new GZipStream(File.OpenRead(path), CompressionMode.Decompress)
                : File.OpenRead(path);
            using var reader = new StreamReader(stream);
            lines = reader.ReadToEnd().Split('\n');
            _files[path] = lines;
        }

        var text = new StringBuilder();
        Collect(JsonDocument.Parse(lines[line - 1]).RootElement, text);
        return WhitespaceNormalizer.CollapseAll(text.ToString());

        static void Collect(JsonElement e, StringBuilder text)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    text.Append(e.GetString()).Append(' ');
                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Collect(p.Value, text);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var x in e.EnumerateArray())
                    {
                        Collect(x, text);
                    }

                    break;
            }
        }
    }
}
