using System.Text.Json;
using Evidentia.Core.Documents;
using Evidentia.Search.Evaluation;
using Evidentia.Search.Retrieval;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Evidentia.Bench;

/// <summary>
/// Learning to rank on the dev benchmarks: LightGBM LambdaMART (through ML.NET) over
/// <see cref="RerankFeatures"/> of the first stage's top 100. Cross-validated in five folds that go by
/// question, so a LiveQA-Med question's paraphrase, consumer message and MEDIQA copy always share a fold;
/// trained on the per-collection lists only (in the all-collections lists MEDIQA answers and MedQuAD pages
/// carry the same NIH text under different ids, and only one of each pair is judged). The shipped model is
/// the same training on every fold, exported as trees that <see cref="Reranker"/> walks.
/// </summary>
/// <param name="hybrid">Train on the hybrid candidates and features (<see cref="RerankFeatures.HybridNames"/>).</param>
public sealed class RerankerTraining(IReadOnlyDictionary<string, string> foldKeys, bool hybrid = false)
{
    private string[] FeatureNames => hybrid ? RerankFeatures.HybridNames : RerankFeatures.Names;

    public const int Folds = 5;

    private readonly MLContext _ml = new(seed: 1);

    /// <summary>One query's candidates, first-stage order.</summary>
    public sealed record Query(string Benchmark, string Qid, bool Trainable, Dictionary<string, float> Labels, List<(string Id, float[] Features, long Fingerprint)> Candidates);

    private sealed class Row
    {
        public float Label { get; set; }

        public uint Group { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class Scored
    {
        public float Score { get; set; }
    }

    /// <summary>One benchmark searched in one scope (a collection, or "*" for all): its judgments, queries and candidates.</summary>
    public sealed record Scoped(TrecFiles.Benchmark Benchmark, string Scope, Dictionary<string, Dictionary<string, int>> Qrels, List<(string Id, string Text)> Queries, List<Query> Candidates)
    {
        /// <summary>False for lists gathered for training only (MEDIQA's questions over MedQuAD), which no judgment scores.</summary>
        public bool Reported { get; init; } = true;
    }

    /// <summary>
    /// The first stage's top 100 with their features for every dev query, per collection and with every
    /// collection in one index, and MEDIQA's questions over MedQuAD (training only). Labels: the judgments
    /// above the relevance line, and — for training only — the same label for a candidate that is a copy of a
    /// judged-relevant text (another id for the same page, judged for another question or not at all).
    /// </summary>
    /// <param name="hybrid">The hybrid candidates: the first stage's top 100 and the documents nearest in meaning.</param>
    public static List<Scoped> Collect(DocumentSearcher searcher, IReadOnlyList<TrecFiles.Benchmark> benchmarks, IEnumerable<Document> documents, bool hybrid = false)
    {
        var copies = new NearCopies(documents);
        var rows = new List<Scoped>();
        foreach (var b in benchmarks)
        {
            var qrels = TrecMetrics.ReadQrels(b.Qrels);
            var queries = File.ReadLines(b.Queries).Select(l => JsonDocument.Parse(l).RootElement)
                .Select(e => (Id: e.GetProperty("id").GetString()!, Text: e.GetProperty("text").GetString()!)).ToList();
            // MEDIQA's consumer questions over MedQuAD, for training only: LiveQA-Med's own 18 are too few to
            // learn MedQuAD's pages for consumer questions from, and MEDIQA's judged answers that are copies of a
            // MedQuAD page label that page.
            var extra = b.Collection == "mediqa" ? new[] { "medquad" } : [];
            foreach (var scope in new[] { b.Collection, "*" }.Concat(extra))
            {
                var trainingOnly = extra.Contains(scope);
                var candidates = queries.Select(q =>
                {
                    var relevant = (qrels.GetValueOrDefault(q.Id) ?? []).Where(j => j.Value >= b.MinRelevant)
                        .Select(j => (Key: new DocumentKey(b.Collection, j.Key), Label: j.Value - b.MinRelevant + 1)).ToList();
                    var hits = hybrid
                        ? searcher.Candidates(q.Text, 100, scope == "*" ? null : scope, hybrid: true).DistinctBy(c => c.Hit.Key.Id).ToList()
                        : searcher.Candidates(q.Text, 200, scope == "*" ? null : scope).DistinctBy(c => c.Hit.Key.Id).Take(100).ToList();
                    var labels = relevant.ToDictionary(r => r.Key.Id, r => (float)r.Label);
                    foreach (var hit in hits.Where(h => !labels.ContainsKey(h.Hit.Key.Id)))
                    {
                        var copyOf = relevant.Where(r => copies.Same(hit.Hit.Key, r.Key)).Select(r => r.Label).DefaultIfEmpty(0).Max();
                        if (copyOf > 0)
                        {
                            labels[hit.Hit.Key.Id] = copyOf;
                        }
                    }

                    var found = hits.Select(c => (c.Hit.Key.Id, c.Features, c.Fingerprint)).ToList();
                    var trainable = trainingOnly ? found.Any(f => labels.ContainsKey(f.Id)) : scope != "*" && relevant.Count > 0;
                    return new Query(b.Name, q.Id, trainable, labels, found);
                }).ToList();
                rows.Add(new Scoped(b, scope, qrels, queries, candidates) { Reported = !trainingOnly });
            }
        }

        return rows;
    }

    /// <summary>One model per fold, each trained on the other folds: question <c>q</c> is answered with <c>models[FoldOf(q)]</c>.</summary>
    public Reranker[] TrainFolds(IReadOnlyList<Query> queries) =>
        Enumerable.Range(0, Folds).Select(fold => Reranker.FromJson(Export(Train(queries.Where(q => FoldOf(q.Qid) != fold))))).ToArray();

    /// <summary>MEDIQA's LiveQA-Med questions share a fold with their LiveQA-Med originals.</summary>
    public static IReadOnlyDictionary<string, string> FoldKeys(string data) =>
        File.ReadLines(Path.Combine(data, "mediqa2019_qa", "dev.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("liveqa_qid", out var q) && q.ValueKind == JsonValueKind.String)
            .ToDictionary(e => e.GetProperty("qid").GetString()!, e => e.GetProperty("liveqa_qid").GetString()!);

    /// <summary>
    /// Each query's documents reordered by a model trained on the other folds; <paramref name="repetition"/>
    /// draws another split into folds (0: the split of <see cref="FoldOf"/>'s default, which the answers bench uses).
    /// </summary>
    public Dictionary<Query, IReadOnlyList<string>> CrossValidate(IReadOnlyList<Query> queries, int repetition = 0)
    {
        var reranked = new Dictionary<Query, IReadOnlyList<string>>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var model = Train(queries.Where(q => FoldOf(q.Qid, repetition) != fold));
            var test = queries.Where(q => FoldOf(q.Qid, repetition) == fold).ToList();
            foreach (var (query, order) in test.Zip(Rerank(model, test)))
            {
                reranked[query] = order;
            }
        }

        return reranked;
    }

    /// <summary>The model trained on every fold, as the JSON that <see cref="Reranker"/> reads; checked to score as ML.NET does.</summary>
    public string TrainFinal(IReadOnlyList<Query> queries)
    {
        var model = Train(queries);
        var json = Export(model);

        var exported = Reranker.FromJson(json);
        var rows = queries.Take(200).SelectMany(q => q.Candidates.Select(c => new Row { Features = c.Features })).ToList();
        var expected = Predict(model, rows);
        for (var i = 0; i < rows.Count; i++)
        {
            var actual = exported.Score(rows[i].Features);
            if (Math.Abs(actual - expected[i]) > 1e-3 * Math.Max(1, Math.Abs(expected[i])))
            {
                throw new InvalidOperationException($"The exported reranker scores row {i} {actual}, ML.NET {expected[i]}.");
            }
        }

        return json;
    }

    // The trees of a trained ensemble, in the form Reranker reads.
    private string Export(ITransformer model)
    {
        var chain = (TransformerChain<RankingPredictionTransformer<LightGbmRankingModelParameters>>)model;
        var ensemble = chain.LastTransformer.Model.TrainedTreeEnsemble;
        var trees = ensemble.Trees.Select((t, i) => new Reranker.Tree(
            ensemble.TreeWeights[i],
            t.NumericalSplitFeatureIndexes.ToArray(),
            t.NumericalSplitThresholds.ToArray(),
            t.LeftChild.ToArray(),
            t.RightChild.ToArray(),
            t.LeafValues.ToArray())).ToList();
        return Reranker.ToJson(FeatureNames, ensemble.Bias, trees);
    }

    private ITransformer Train(IEnumerable<Query> queries)
    {
        var rows = new List<Row>();
        uint group = 0;
        foreach (var query in queries.Where(q => q.Trainable))
        {
            group++;
            rows.AddRange(query.Candidates.Select(c => new Row { Label = query.Labels.GetValueOrDefault(c.Id), Group = group, Features = c.Features }));
        }

        var pipeline = _ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(Row.Group))
            .Append(_ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                RowGroupColumnName = "GroupKey",
                NumberOfLeaves = 15,
                NumberOfIterations = 200,
                LearningRate = 0.05,
                MinimumExampleCountPerLeaf = 20,
                Seed = 1,
                NumberOfThreads = 1,
            }));
        return pipeline.Fit(_ml.Data.LoadFromEnumerable(rows, Schema()));
    }

    private IEnumerable<IReadOnlyList<string>> Rerank(ITransformer model, List<Query> queries)
    {
        var scores = Predict(model, queries.SelectMany(q => q.Candidates.Select(c => new Row { Features = c.Features })).ToList());
        var at = 0;
        foreach (var query in queries)
        {
            var mine = scores.Skip(at).Take(query.Candidates.Count).Select(x => (double)x).ToList();
            at += query.Candidates.Count;
            yield return DocumentSearcher.Order(mine, query.Candidates.Select(c => c.Fingerprint).ToList()).Select(i => query.Candidates[i].Id).ToList();
        }
    }

    private List<float> Predict(ITransformer model, List<Row> rows) =>
        _ml.Data.CreateEnumerable<Scored>(model.Transform(_ml.Data.LoadFromEnumerable(rows, Schema())), reuseRowObject: false).Select(s => s.Score).ToList();

    private SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureNames.Length);
        return schema;
    }

    /// <summary>The fold of a question id in one split (LiveQA-Med and MEDIQA copies of one question share one).</summary>
    public int FoldOf(string qid, int repetition = 0)
    {
        // A stable hash (string.GetHashCode is randomised per process); each repetition salts it.
        uint h = 2166136261;
        foreach (var c in (repetition == 0 ? "" : $"{repetition}:") + foldKeys.GetValueOrDefault(qid, qid))
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h % Folds);
    }
}
