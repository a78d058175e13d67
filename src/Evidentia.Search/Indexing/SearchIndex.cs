using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Evidentia.Core.Documents;
using Evidentia.Core.Questions;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Evidentia.Search.Indexing;

/// <summary>
/// The Lucene index derived from the document store. Every commit records the store sequence number it
/// reflects, so after any stop (even a kill) the index resumes from its last commit and re-applies the
/// changes after it. Updates go by <see cref="IndexFields.Key"/>, so re-applying is harmless.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string SequenceKey = "seq";
    private const string SchemaKey = "schema";

    // Bump when the fields change: an index of another schema is rebuilt from the store at the next sync.
    private const string Schema = "16";

    private readonly FSDirectory _directory;
    // Null for a read-only index (another process owns the writer).
    private readonly IndexWriter? _writer;
    private readonly SearcherManager _searchers;

    private SearchIndex(FSDirectory directory, IndexWriter? writer, long committedSequence)
    {
        _directory = directory;
        _writer = writer;
        CommittedSequence = committedSequence;
        _searchers = writer is null
            ? new SearcherManager(directory, new SimilarityFactory())
            : new SearcherManager(writer, applyAllDeletes: true, new SimilarityFactory());
    }

    private IndexWriter Writer => _writer ?? throw new InvalidOperationException("This index is open read-only: another Evidentia process writes it.");

    /// <summary>BM25 with Lucene's defaults (k1 = 1.2, b = 0.75).</summary>
    public static Similarity Similarity { get; } = new BM25Similarity();

    /// <summary>The analyzer the index was written with.</summary>
    public Analyzer IndexAnalyzer { get; } = Analyzers.CreateIndexAnalyzer();

    /// <summary>Held while the index is brought up to the store, so two syncs never interleave their commits.</summary>
    internal SemaphoreSlim SyncLock { get; } = new(1, 1);

    /// <summary>The store sequence number of the last commit (0 for a new index).</summary>
    public long CommittedSequence { get; private set; }

    /// <summary>
    /// Opens or creates the index in <paramref name="path"/>; <paramref name="readOnly"/> opens its last commit for
    /// searching only, beside the process that writes it (which must have committed once).
    /// </summary>
    public static SearchIndex Open(string path, bool readOnly = false)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        long sequence = 0;
        if (DirectoryReader.IndexExists(directory))
        {
            var commit = DirectoryReader.ListCommits(directory)[^1];
            if (commit.UserData.TryGetValue(SequenceKey, out var value)
                && commit.UserData.TryGetValue(SchemaKey, out var schema) && schema == Schema)
            {
                sequence = long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        if (readOnly)
        {
            return new SearchIndex(directory, null, sequence);
        }

        var config = new IndexWriterConfig(Analyzers.Version, Analyzers.CreateIndexAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        };
        var writer = new IndexWriter(directory, config);
        // The word vectors that indexes before schema 16 kept beside them, which nothing reads any more.
        foreach (var file in System.IO.Directory.EnumerateFiles(path, "vectors-*.bin*"))
        {
            File.Delete(file);
        }

        return new SearchIndex(directory, writer, sequence);
    }

    /// <summary>Adds, replaces or removes (tombstones) the documents of these changes (not visible until <see cref="Commit"/>).</summary>
    /// <param name="intoEmpty">
    /// The index was cleared and the changes are the store's feed from its start, where each document comes once: documents
    /// are added rather than replaced by key (no key to look up in every segment), and deletions have nothing to remove.
    /// </param>
    public void Apply(IEnumerable<DocumentChange> changes, bool intoEmpty = false)
    {
        // Lucene documents are made on every core (analysis, fingerprints: about half the work) and written
        // in feed order, one at a time, so document numbers, and the ties they break, are those of one thread.
        foreach (var (change, doc) in changes.AsParallel().AsOrdered().Select(c => (c, c.Deleted ? null : ToLucene(c.Document))))
        {
            if (doc is not null && intoEmpty)
            {
                Writer.AddDocument(doc);
            }
            else if (!intoEmpty)
            {
                var key = new Term(IndexFields.Key, change.Document.Key.ToString());
                if (doc is null)
                {
                    Writer.DeleteDocuments(key);
                }
                else
                {
                    Writer.UpdateDocument(key, doc);
                }
            }
        }
    }

    /// <summary>Removes every document (not visible until <see cref="Commit"/>, so a failed rebuild leaves the old index).</summary>
    public void Clear() => Writer.DeleteAll();

    /// <summary>Makes the applied changes durable and visible, recording the store sequence they reflect.</summary>
    public void Commit(long sequence)
    {
        Writer.SetCommitData(new Dictionary<string, string> { [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture), [SchemaKey] = Schema });
        Writer.Commit();
        CommittedSequence = sequence;
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Runs <paramref name="search"/> with a current searcher, released afterwards.</summary>
    public T WithSearcher<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Documents in the committed index (question-only entries included).</summary>
    public int Count => WithSearcher(s => s.IndexReader.NumDocs);

    public void Dispose()
    {
        _searchers.Dispose();
        _writer?.Dispose();
        IndexAnalyzer.Dispose();
        _directory.Dispose();
    }

    private LuceneDocument ToLucene(Core.Documents.Document d)
    {
        var doc = new LuceneDocument
        {
            new StringField(IndexFields.Key, d.Key.ToString(), Field.Store.YES),
            new StringField(IndexFields.Id, d.Id, Field.Store.YES),
            new StringField(IndexFields.Collection, d.Collection, Field.Store.YES),
            new StringField(IndexFields.Citable, d.Citable ? "true" : "false", Field.Store.YES),
            new TextField(IndexFields.Title, d.Title, Field.Store.YES),
        };
        foreach (var question in d.Fields.GetValueOrDefault(DocumentFields.Question) ?? [])
        {
            doc.Add(new TextField(IndexFields.Question, question, Field.Store.YES));
        }

        // For the reranker: the analysed terms of the title and of the document's own questions, and the kind of
        // question it answers (-1: none); doc values, read without loading stored fields.
        doc.Add(new BinaryDocValuesField(IndexFields.TitleTerms, new BytesRef(string.Join(' ', AnalysedTerms(d.Title)))));
        doc.Add(new BinaryDocValuesField(IndexFields.QuestionTerms, new BytesRef(string.Join(' ', (d.Fields.GetValueOrDefault(DocumentFields.Question) ?? []).SelectMany(AnalysedTerms)))));
        if (d.Citable && DenseIndex.Text(d) is { } dense)
        {
            doc.Add(new StoredField(IndexFields.DenseText, dense));
            doc.Add(new BinaryDocValuesField(IndexFields.DenseKey, new BytesRef(DenseIndex.KeyBytes(dense))));
        }

        // The document's own question, else the heading it opens with ("Autoimmune hepatitis (Treatment)").
        var answers = (d.Field(DocumentFields.Question) ?? d.Sections.FirstOrDefault()?.Heading) is { Length: > 0 } own ? (long)QuestionAnalyzer.Analyze(own).Type : -1;
        doc.Add(new NumericDocValuesField(IndexFields.AnswerType, answers));
        doc.Add(new NumericDocValuesField(IndexFields.Fingerprint, Retrieval.Duplicates.Fingerprint(d)));

        if (d.Citable)
        {
            doc.Add(new StringField(IndexFields.Name, NameKey(d.Title), Field.Store.NO));
            foreach (var alias in (d.Fields.GetValueOrDefault(DocumentFields.Synonyms) ?? []).Select(NameKey).Distinct())
            {
                doc.Add(new StringField(IndexFields.Alias, alias, Field.Store.NO));
            }
        }

        if (d.Field(DocumentFields.QuestionType) is { } qtype)
        {
            doc.Add(new StringField(IndexFields.QuestionType, qtype, Field.Store.YES));
        }

        // Each distinct sentence once, so that how many documents of a collection state it word for word is its
        // document frequency (DocumentSearcher.Templates).
        foreach (var sentence in d.Passages.Select(p => SentenceKey(d.Collection, d.Quote(p.Span))).Distinct())
        {
            doc.Add(new StringField(IndexFields.Sentence, sentence, Field.Store.NO));
        }

        var headings = d.Sections.Select(s => s.Heading).Where(h => h.Length > 0).Distinct();
        // A MEDIQA answer's title is its question: count it once.
        var questions = (d.Fields.GetValueOrDefault(DocumentFields.Question) ?? []).Where(q => q != d.Title);
        var all = string.Join('\n', [d.Title, .. questions, .. d.Fields.GetValueOrDefault(DocumentFields.Synonyms) ?? [], .. d.Fields.GetValueOrDefault(DocumentFields.Mesh) ?? [], .. d.Fields.GetValueOrDefault(DocumentFields.Scope) ?? [], .. headings, d.Text]);
        doc.Add(new TextField(IndexFields.All, all, Field.Store.NO));
        return doc;
    }

    private IEnumerable<string> AnalysedTerms(string text) =>
        Retrieval.QueryTerms.Analyze(IndexAnalyzer, text).SelectMany(t => Enumerable.Repeat(t.Term, t.Count));

    /// <summary>
    /// A sentence as the index counts it: its collection and a hash of its words (letter and digit runs) in lower
    /// case, one space apart, so spacing and punctuation do not tell two statements of it apart. One pass over the
    /// characters: ingestion keys every sentence of the corpus (300,000).
    /// </summary>
    public static string SentenceKey(string collection, string sentence)
    {
        var words = new StringBuilder(sentence.Length);
        foreach (var c in sentence)
        {
            if (char.IsLetterOrDigit(c))
            {
                words.Append(char.ToLowerInvariant(c));
            }
            else if (words.Length > 0 && words[^1] != ' ')
            {
                words.Append(' ');
            }
        }

        var text = words.ToString().TrimEnd();
        return collection + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8);
    }

    /// <summary>The form titles, other names and terms are compared in: lower case, single spaces.</summary>
    public static string NameKey(string title) => Core.Text.WhitespaceNormalizer.CollapseAll(title).ToLowerInvariant();

    private sealed class SimilarityFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
