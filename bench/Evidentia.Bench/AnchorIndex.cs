using Evidentia.Core.Documents;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Evidentia.Bench;

/// <summary>
/// The two anchors every retrieval figure is compared with, built in memory in the same run:
/// plain BM25 (everything in one text field, Lucene's English analyzer, BM25 with Lucene's default
/// parameters: what a Lucene or Elasticsearch user starts with), and the multi-field BM25 a careful
/// engineer builds in an afternoon (for MedQuAD: focus with synonyms, question and answer as separate
/// fields with equal weights; collections without such fields get the plain one).
/// </summary>
public sealed class AnchorIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly EnglishAnalyzer _analyzer = new(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string[] _fields;

    private AnchorIndex(IEnumerable<Core.Documents.Document> documents, bool multiField)
    {
        _fields = multiField ? ["focus", "question", "answer"] : ["text"];
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var d in documents)
            {
                var focus = string.Join(' ', [d.Title, .. d.Fields.GetValueOrDefault(DocumentFields.Synonyms) ?? []]);
                var question = string.Join(' ', d.Fields.GetValueOrDefault(DocumentFields.Question) ?? []);
                var doc = new LuceneDocument { new StringField("id", d.Id, Field.Store.YES) };
                if (multiField)
                {
                    doc.Add(new TextField("focus", focus, Field.Store.NO));
                    doc.Add(new TextField("question", question, Field.Store.NO));
                    doc.Add(new TextField("answer", d.Text, Field.Store.NO));
                }
                else
                {
                    doc.Add(new TextField("text", $"{focus}\n{question}\n{d.Text}", Field.Store.NO));
                }

                writer.AddDocument(doc);
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>Plain BM25 over the citable documents given.</summary>
    public static AnchorIndex Plain(IEnumerable<Core.Documents.Document> documents) => new(documents, multiField: false);

    /// <summary>Multi-field BM25 with equal weights.</summary>
    public static AnchorIndex MultiField(IEnumerable<Core.Documents.Document> documents) => new(documents, multiField: true);

    /// <summary>Document ids best first: the query's analysed terms OR-ed, each over every field with equal weight (QueryParser's default).</summary>
    public IReadOnlyList<string> Search(string query, int top)
    {
        var terms = new List<string>();
        using (var stream = _analyzer.GetTokenStream("text", query))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
        }

        var boolean = new BooleanQuery();
        foreach (var term in terms.Take(BooleanQuery.MaxClauseCount / _fields.Length))
        {
            foreach (var field in _fields)
            {
                boolean.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
        }

        return terms.Count == 0 ? [] : _searcher.Search(boolean, top).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get("id")).ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
