using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Evidentia.Core.Documents;
using Evidentia.Ingestion;
using Evidentia.Ingestion.Readers;

namespace Evidentia.Bench;

/// <summary>
/// A synthetic corpus for the scale benchmark (issue 26): documents shaped like PubMed abstracts and guideline
/// recommendations, their words, sentence lengths, abstract structure (labelled parts and how many sentences each holds),
/// MeSH headings (hence designs and evidence levels), years and recommendation grades drawn from the shared corpora
/// (PubMedQA's abstracts, BioASQ's snippets, NGC's graded recommendations) by a word-bigram model: text that reads like
/// the real thing to the tokenizer, the index and the ranker, and says nothing. Written as MEDLINE XML
/// (<c>PubmedArticleSet</c>, 10,000 citations per gzipped file, PMIDs from 900,000,000 so none is real, journal
/// "Synthetic Scale Corpus"), deterministic from the seed and the shared corpora.
/// </summary>
public sealed class ScaleCorpus
{
    /// <summary>Citations per written file, as NLM's baseline files hold tens of thousands.</summary>
    public const int CitationsPerFile = 10_000;

    /// <summary>The first PMID written: above any real one.</summary>
    public const long FirstPmid = 900_000_000;

    public const string Journal = "Synthetic Scale Corpus";

    private const string Start = "\u0002", End = "\u0003";

    private readonly Bigrams _abstracts = new(), _titles = new(), _recommendations = new(), _guidelineTitles = new();
    private readonly List<Template> _templates = [];
    private readonly List<string> _grades = [];
    private readonly List<int> _guidelineYears = [];
    private readonly List<int> _recommendationCounts = [];
    private double _guidelineShare;

    private sealed record Template(IReadOnlyList<(string Label, int Sentences)> Parts, int? Year, IReadOnlyList<string> Mesh);

    /// <summary>Learns the shapes and words of the shared corpora under <paramref name="sharedData"/>.</summary>
    public static ScaleCorpus Learn(string sharedData)
    {
        var corpus = new ScaleCorpus();
        var report = new IngestReport();
        var abstracts = 0;
        foreach (var document in new PubMedQaReader().Read(new SourceFile(Path.Combine(sharedData, "pubmedqa", "abstracts_corpus.jsonl.gz"), "pubmedqa", "pubmedqa"), report, CancellationToken.None))
        {
            abstracts++;
            corpus._titles.Learn(document.Title);
            var parts = document.Passages.GroupBy(p => p.Section)
                .Select(g => (Label: document.Sections[g.Key].Heading.ToUpperInvariant(), Sentences: g.Count())).ToList();
            corpus._templates.Add(new Template(parts, document.Year, FieldValues(document, DocumentFields.Mesh)));
            foreach (var passage in document.Passages)
            {
                corpus._abstracts.Learn(document.Quote(passage.Span));
            }
        }

        foreach (var document in new BioAsqReader().Read(new SourceFile(Path.Combine(sharedData, "bioasq", "snippets_corpus.jsonl.gz"), "bioasq", "bioasq"), report, CancellationToken.None))
        {
            abstracts++;
            foreach (var passage in document.Passages)
            {
                corpus._abstracts.Learn(document.Quote(passage.Span));
            }
        }

        var guidelines = 0;
        foreach (var document in new NgcReader().Read(new SourceFile(Path.Combine(sharedData, "ngc", "ngc_summaries.tar.gz"), "ngc", "ngc"), report, CancellationToken.None))
        {
            guidelines++;
            corpus._guidelineTitles.Learn(document.Title);
            var graded = 0;
            foreach (var passage in document.Passages)
            {
                var text = document.Quote(passage.Span);
                if (RecommendationGrades.Find(document, text) is { } grade)
                {
                    graded++;
                    corpus._grades.Add(grade);
                    corpus._recommendations.Learn(text);
                }
            }

            if (graded > 0)
            {
                corpus._recommendationCounts.Add(graded);
            }

            if (document.Year is { } year)
            {
                corpus._guidelineYears.Add(year);
            }
        }

        corpus._guidelineShare = (double)guidelines / Math.Max(1, guidelines + abstracts);
        return corpus;
    }

    private static IReadOnlyList<string> FieldValues(Document document, string name) =>
        document.Fields.TryGetValue(name, out var values) ? values : [];

    /// <summary>
    /// Writes citations into <paramref name="folder"/> until they hold at least <paramref name="passages"/> sentences
    /// (Evidentia's citable passages); returns how many citations and sentences were written.
    /// </summary>
    public (int Citations, long Passages) Write(string folder, long passages, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        long written = 0;
        var citations = 0;
        XmlWriter? xml = null;
        try
        {
            while (written < passages)
            {
                if (citations % CitationsPerFile == 0)
                {
                    Close(xml);
                    xml = Open(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"synthetic-{citations / CitationsPerFile + 1:D4}.xml.gz")));
                }

                written += random.NextDouble() < _guidelineShare ? WriteGuideline(xml!, FirstPmid + citations, random) : WriteAbstract(xml!, FirstPmid + citations, random);
                citations++;
            }
        }
        finally
        {
            Close(xml);
        }

        return (citations, written);
    }

    private static XmlWriter Open(string path)
    {
        var xml = XmlWriter.Create(new GZipStream(File.Create(path), CompressionLevel.Fastest), new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = true });
        xml.WriteStartDocument();
        xml.WriteStartElement("PubmedArticleSet");
        return xml;
    }

    private static void Close(XmlWriter? xml)
    {
        if (xml is null)
        {
            return;
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Dispose();
    }

    private int WriteAbstract(XmlWriter xml, long pmid, Random random)
    {
        var template = _templates[random.Next(_templates.Count)];
        var parts = template.Parts.Select(p => (p.Label, Text: string.Join(' ', Enumerable.Range(0, p.Sentences).Select(_ => _abstracts.Sentence(random))))).ToList();
        return WriteCitation(xml, pmid, _titles.Sentence(random), parts, template.Year, ["Journal Article"], template.Mesh);
    }

    private int WriteGuideline(XmlWriter xml, long pmid, Random random)
    {
        var count = _recommendationCounts[random.Next(_recommendationCounts.Count)];
        var text = string.Join(' ', Enumerable.Range(0, count).Select(_ => $"{_recommendations.Sentence(random).TrimEnd('.')} ({_grades[random.Next(_grades.Count)]})."));
        return WriteCitation(xml, pmid, _guidelineTitles.Sentence(random), [("RECOMMENDATIONS", text)], _guidelineYears[random.Next(_guidelineYears.Count)], ["Practice Guideline"], []);
    }

    // Writes one citation; returns how many passages Evidentia will split it into (as the PubMed reader builds it).
    private static int WriteCitation(XmlWriter xml, long pmid, string title, IReadOnlyList<(string Label, string Text)> parts, int? year, IReadOnlyList<string> types, IReadOnlyList<string> mesh)
    {
        xml.WriteStartElement("PubmedArticle");
        xml.WriteStartElement("MedlineCitation");
        xml.WriteElementString("PMID", pmid.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("Article");
        xml.WriteStartElement("Journal");
        xml.WriteStartElement("JournalIssue");
        xml.WriteStartElement("PubDate");
        if (year is { } y)
        {
            xml.WriteElementString("Year", y.ToString(CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteElementString("Title", Journal);
        xml.WriteEndElement();
        xml.WriteElementString("ArticleTitle", title);
        xml.WriteStartElement("Abstract");
        foreach (var (label, text) in parts)
        {
            xml.WriteStartElement("AbstractText");
            if (label.Length > 0)
            {
                xml.WriteAttributeString("Label", label);
            }

            xml.WriteString(text);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("PublicationTypeList");
        foreach (var type in types)
        {
            xml.WriteElementString("PublicationType", type);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("MeshHeadingList");
        foreach (var heading in mesh)
        {
            xml.WriteStartElement("MeshHeading");
            xml.WriteElementString("DescriptorName", heading);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        return Document.Create(new DocumentKey("pubmed", pmid.ToString(CultureInfo.InvariantCulture)), title,
            parts.Select(p => new SourceSection(p.Label, p.Text))).Passages.Count;
    }

    // Which word follows which, with repetition (so a draw follows their frequency), in the order first read.
    private sealed class Bigrams
    {
        private readonly Dictionary<string, List<string>> _next = new(StringComparer.Ordinal);

        public void Learn(string sentence)
        {
            var previous = Start;
            foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(previous, word);
                previous = word;
            }

            if (previous != Start)
            {
                Add(previous, End);
            }
        }

        private void Add(string word, string next)
        {
            if (!_next.TryGetValue(word, out var list))
            {
                _next[word] = list = [];
            }

            list.Add(next);
        }

        /// <summary>A sentence of 4 to 80 words drawn from the chain (redrawn when it ends sooner or runs longer).</summary>
        public string Sentence(Random random)
        {
            var words = new List<string>();
            while (true)
            {
                words.Clear();
                var word = Start;
                while (words.Count <= 80 && _next.TryGetValue(word, out var next) && next[random.Next(next.Count)] is var following && following != End)
                {
                    words.Add(following);
                    word = following;
                }

                if (words.Count is >= 4 and <= 80)
                {
                    // A sentence ends as sentences do, so that the splitter reads one where it was drawn.
                    var sentence = string.Join(' ', words);
                    return sentence[^1] is '.' or '?' or '!' ? sentence : sentence + ".";
                }
            }
        }
    }
}
