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

    [SharedDataFact]
    public async Task Every_Cited_Quote_Should_Be_Verbatim_In_The_Store_And_In_The_Source_File()
    {
        var questions = DevQuestions(corpus.DataFolder!).Where(q => !string.IsNullOrWhiteSpace(q)).ToList();
        Assert.True(questions.Count >= 200, $"only {questions.Count} dev questions");
        var engine = corpus.Workspace!.CreateAnswerEngine();
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
            var documents = (await corpus.Workspace!.Store.GetAsync(listed.SelectMany(k => k).Distinct().ToList(), CancellationToken.None)).ToDictionary(d => d.Key);
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
                    if (document.Collection == "ngc")
                    {
                        AssertInGuideline(quote.Text, document.Origin!);
                    }
                    else
                    {
                        Assert.Contains(WhitespaceNormalizer.CollapseAll(quote.Text), SourceText(document.Origin!), StringComparison.Ordinal);
                    }
                }
            }
        }

        Assert.True(answered >= questions.Count / 2, $"only {answered} of {questions.Count} questions were answered");
        Assert.True(quotes > 1000, $"only {quotes} quotes were checked");
    }

    // A guideline's quote is text of its summary's fields, read as HTML (list items without their stored "- "). A table row ("CT head; Rating: 9; RRL: ☢;
    // Comments: …") is its cells, each after its column's heading, and ends in a full stop: each cell is the source's.
    // Compared without whitespace, since the summary's paragraphs and line breaks become the stored text's.
    private void AssertInGuideline(string quote, string origin)
    {
        var slash = origin.IndexOf(".tar.gz/", StringComparison.Ordinal) + ".tar.gz".Length;
        var (archive, entry) = (origin[..slash], origin[(slash + 1)..]);
        if (!_guidelines.TryGetValue(entry, out var source))
        {
            using var tar = new System.Formats.Tar.TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress));
            while (tar.GetNextEntry() is { } e)
            {
                if (e.DataStream is not null)
                {
                    var values = System.Xml.Linq.XDocument.Load(e.DataStream).Descendants("FieldValue").Select(v => (string?)v.Attribute("Value") ?? "");
                    _guidelines[e.Name] = Bare(string.Concat(values.Select(v => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(v).Body?.TextContent)));
                }
            }

            source = _guidelines[entry];
        }

        // A list item is stored on a line of its own after "- "; a short list is quoted whole with its lead-in.
        quote = string.Join('\n', quote.Split('\n').Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l));
        var cells = quote.Contains("; ", StringComparison.Ordinal) ? quote.TrimEnd('.').Split("; ") : [quote];
        foreach (var cell in cells.Select(Bare))
        {
            var value = cell.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !source.Contains(cell, StringComparison.Ordinal) ? cell[(colon + 1)..] : cell;
            // The radiation level's symbols stand for the summary's images.
            if (!value.All(c => c == '☢'))
            {
                Assert.Contains(value, source, StringComparison.Ordinal);
            }
        }

        static string Bare(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    private readonly Dictionary<string, string> _guidelines = [];

    // LiveQA-Med (paraphrases), MEDIQA, the first 100 BioASQ questions and the NGC questions of the dev sets.
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
