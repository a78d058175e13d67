using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evidentia.Cli;
using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Search;
using Evidentia.Search.Evaluation;
using Evidentia.Search.Retrieval;
using Evidentia.Semantics;

namespace Evidentia.Bench;

/// <summary>
/// The answer figures of docs/EVALUATION.md on the dev sets: citing a gold-relevant document, answering
/// and declining, the abstention threshold with its cross-validation, ROUGE-2 on BioASQ, verbatim quotes,
/// and the emergency set. <c>dotnet run -c Release --project bench/Evidentia.Bench -- answers</c>.
/// </summary>
public static partial class AnswerEvaluation
{
    // Correct: some judged answer is relevant, whether or not the corpus has its text (withheld sources).
    // KeyTerms: for a guideline question, words any one of which a correct bottom line or first section contains.
    private sealed record Case(string Set, string Id, string Text, string Collection, HashSet<string> Gold, bool Correct)
    {
        public IReadOnlyList<string> KeyTerms { get; init; } = [];

        /// <summary>How a guideline question is worded: direct, vignette, keyword or patient.</summary>
        public string Style { get; init; } = "";
    }

    private sealed record Outcome(Case Case, Answer? Answer, double TopScore = 0)
    {
        public bool HasGold => Case.Gold.Count > 0;

        public bool Answered => Answer?.Outcome is AnswerOutcome.Answered or AnswerOutcome.Emergency;

        public double Relevance => Answer?.Relevance ?? 0;

        public bool CitesGold => Answer?.References.Any(r => Case.Gold.Contains(r.DocumentId)) == true;

        public bool BottomLineCitesGold => Answer?.BottomLine.Any(i => i.Quotes.Any(q => Case.Gold.Contains(q.DocumentId))) == true;

        /// <summary>Whether the bottom line or the first section says one of the case's key terms (case-insensitive).</summary>
        public bool SaysKeyTerm => Answer is { } a && string.Join(' ', a.BottomLine.Concat(a.Sections.FirstOrDefault()?.Items ?? []).Select(i => i.Text)) is var said
            && Case.KeyTerms.Any(t => said.Contains(t, StringComparison.OrdinalIgnoreCase));

        /// <summary>Whether the bottom line names who recommends it (a cited guideline's developer and year).</summary>
        public bool BottomLineNamesGuideline => Answer is { } a && a.BottomLine.Any(i => GuidelineAttribution.For(i, a.References) is not null);
    }

    public static async Task<int> RunAsync(string emergencySetPath, bool answerabilityOnly = false, bool writeModel = false)
    {
        var data = BenchData.SharedData;
        await using var workspace = await BenchData.OpenCorpusAsync();
        // The shipped reranker learned from these dev questions: each question is answered with a reranker
        // trained on the other folds instead (as the retrieval table), so no figure here is in-sample.
        var training = new RerankerTraining(RerankerTraining.FoldKeys(data));
        var benchmarks = TrecFiles.Write(data, Path.Combine("bench", "out"));
        var documents = await BenchData.CitableDocumentsAsync(workspace);
        var folds = training.TrainFolds(RerankerTraining.Collect(workspace.Searcher, benchmarks, documents).SelectMany(r => r.Candidates).ToList());
        // With the sentence vectors built (EVIDENTIA_BENCH_LEXICAL unset), the product searches hybrid: so do the folds.
        var hybrid = Environment.GetEnvironmentVariable("EVIDENTIA_BENCH_LEXICAL") is null;
        var hybridFolds = hybrid
            ? new RerankerTraining(RerankerTraining.FoldKeys(data), hybrid: true)
                .TrainFolds(RerankerTraining.Collect(workspace.Searcher, benchmarks, documents, hybrid: true).SelectMany(r => r.Candidates).ToList())
            : folds.Select(_ => (Reranker?)null).ToArray();
        workspace.SearchOptions.Dense = hybrid;
        var searchers = folds.Select((model, i) => new DocumentSearcher(workspace.Index, workspace.SearchOptions, model, workspace.Dense, hybridFolds[i])).ToArray();
        AnswerEngine[] engines;
        var report = new StringBuilder();
        report.AppendLine(hybrid ? "Retrieval: hybrid (sentence vectors built)." : "Retrieval: lexical (EVIDENTIA_BENCH_LEXICAL set).").AppendLine();
        var quotes = 0;
        var verbatim = 0;

        async Task<Outcome> Ask(Case c, bool ownCollection)
        {
            if (QuestionRules.Validate(c.Text) is not null)
            {
                return new Outcome(c, null);
            }

            var answer = await engines[training.FoldOf(c.Id)].AskAsync(new QuestionInput(c.Text, Audience.Physician) { Collection = ownCollection ? c.Collection : null }, CancellationToken.None);
            var keys = answer.AllItems.SelectMany(i => i.Quotes).Select(q => new DocumentKey(q.Collection, q.DocumentId)).Distinct().ToList();
            var documents = (await workspace.Store.GetAsync(keys, CancellationToken.None)).ToDictionary(d => d.Key);
            foreach (var quote in answer.AllItems.SelectMany(i => i.Quotes))
            {
                quotes++;
                var document = documents[new DocumentKey(quote.Collection, quote.DocumentId)];
                verbatim += quote.End <= document.Text.Length && document.Text[quote.Start..quote.End] == quote.Text ? 1 : 0;
            }

            // The reranker's score of the best document: a candidate signal for abstention (reported, not used).
            var top = searchers[training.FoldOf(c.Id)].Search(c.Text, 1, ownCollection ? c.Collection : null);
            return new Outcome(c, answer, top.Count > 0 ? top[0].Score : 0);
        }

        var cases = Cases(data);
        // Answerability (issue 23, item 5): the signals of every calibration question, composed by the same engines with no
        // relevance threshold; each fold's answers are then judged by a model trained on the other folds' questions.
        var open = new ComposerOptions { MinRelevance = 0 };
        var unthresholded = searchers.Select(s => new AnswerEngine(workspace.Store, s, workspace.SearchOptions, new AnswerComposer(open), emergencies: Encoders.Emergencies)).ToArray();
        var rows = new List<AnswerabilityStudy.Row>();
        foreach (var c in cases.Where(c => QuestionRules.Validate(c.Text) is null && (answerabilityOnly || c.Set != "LiveQA-Med (consumer message)")))
        {
            var fold = training.FoldOf(c.Id);
            rows.Add(await AnswerabilityStudy.MeasureAsync(c.Set, c.Id, c.Text, c.Collection, c.Gold.Count > 0, unthresholded[fold], searchers[fold], workspace.Store));
        }

        // The guideline questions, over the guidelines and over every collection, each with its evidence as found and with its
        // relevant guidelines left out (as if the corpus lacked them: a question no guideline answers, on a topic near others).
        foreach (var c in GuidelineCases(data))
        {
            var fold = training.FoldOf(c.Id);
            var relevant = c.Gold.Select(id => new DocumentKey(c.Collection, id)).ToHashSet();
            foreach (var scope in new[] { c.Collection, null })
            {
                foreach (var leftOut in new[] { false, true })
                {
                    rows.Add(await AnswerabilityStudy.MeasureAsync(c.Set, c.Id, c.Text, scope, !leftOut, unthresholded[fold], searchers[fold], workspace.Store, leftOut ? relevant : null));
                }
            }
        }

        var (calibrationRows, guidelineRows) = AnswerabilityStudy.Split(rows);
        if (answerabilityOnly)
        {
            Directory.CreateDirectory(Path.Combine("bench", "out"));
            File.WriteAllLines(Path.Combine("bench", "out", "answerability-rows.csv"),
                ["set,id,has_gold,composed,kind," + string.Join(',', AnswerabilityStudy.Names.Select(n => n.Replace(' ', '_').Replace(":", ""))),
                 .. rows.Select(r => string.Join(',', [$"\"{r.Set}\"", r.Id, r.HasGold ? "1" : "0", r.Composed ? "1" : "0", r.Kind, .. r.Features.Select(f => f.ToString("R", CultureInfo.InvariantCulture))]))]);
            report.AppendLine(AnswerabilityStudy.Report(calibrationRows));
            report.AppendLine("With the consumer messages:").AppendLine(AnswerabilityStudy.Report(rows.Where(r => r.Set != AnswerabilityStudy.GuidelineSet).ToList()));
            report.AppendLine("The guideline questions whose best document is a guideline (with and without their relevant guidelines):")
                .AppendLine(AnswerabilityStudy.Report(guidelineRows.Where(r => r.Kind == AnswerabilityModels.GuidelinesKind).ToList()));
            if (writeModel)
            {
                report.AppendLine(AnswerabilityStudy.WriteModel(rows));
            }

            Console.WriteLine(report);
            return 0;
        }

        var models = Enumerable.Range(0, searchers.Length)
            .Select(k => hybrid ? AnswerabilityStudy.FitModels(calibrationRows.Where(r => training.FoldOf(r.Id) != k).ToList(), guidelineRows.Where(r => training.FoldOf(r.Id) != k).ToList()) : null)
            .ToArray();
        engines = searchers.Select((s, k) => new AnswerEngine(workspace.Store, s, workspace.SearchOptions, new AnswerComposer(workspace.ComposerOptions), emergencies: Encoders.Emergencies, answerability: models[k])).ToArray();
        report.AppendLine(hybrid
            ? string.Create(CultureInfo.InvariantCulture, $"Answerability: each fold's models trained on the other folds' questions ({calibrationRows.Count} calibration questions; {guidelineRows.Count} guideline rows); thresholds and floors, question pages: {string.Join(", ", models.Select(m => Operating(m!.Questions)))}; guidelines: {string.Join(", ", models.Select(m => Operating(m!.Guidelines)))}.")
            : "Answerability: the relevance threshold alone (lexical search).").AppendLine();

        report.AppendLine(CultureInfo.InvariantCulture, $"Threshold in force: MinRelevance = {workspace.ComposerOptions.MinRelevance:F2}.").AppendLine();
        report.AppendLine("| Set | Evidence searched | Questions | With a relevant document | Cites one (of those) | In the bottom line | Answered (of those) | Declined (of the others) |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var calibration = new List<Outcome>();
        foreach (var set in cases.GroupBy(c => c.Set))
        {
            foreach (var own in new[] { true, false })
            {
                var outcomes = new List<Outcome>();
                foreach (var c in set)
                {
                    outcomes.Add(await Ask(c, own));
                }

                if (own && set.Key != "LiveQA-Med (consumer message)")
                {
                    calibration.AddRange(outcomes);
                }

                var withGold = outcomes.Where(o => o.HasGold && o.Answer is not null).ToList();
                var without = outcomes.Where(o => !o.HasGold && o.Answer is not null).ToList();
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {set.Key} | {(own ? "its own collection" : "all collections")} | {outcomes.Count(o => o.Answer is not null)} | {withGold.Count} | {Rate(withGold, o => o.CitesGold)} | {Rate(withGold, o => o.BottomLineCitesGold)} | {Rate(withGold, o => o.Answered)} | {Rate(without, o => !o.Answered)} |");
            }
        }

        report.AppendLine().AppendLine(await GuidelinesAsync(data, Ask));
        report.AppendLine(Calibrate(calibration));
        report.AppendLine(Withheld(calibration));
        report.AppendLine(Separation(calibration));
        report.AppendLine(await BioAsqAsync(data, workspace, id => (engines[training.FoldOf(id)], searchers[training.FoldOf(id)])));
        report.AppendLine(CultureInfo.InvariantCulture, $"Quotes checked against the stored text: {quotes:N0}, verbatim: {verbatim:N0} ({(quotes == 0 ? 0 : 100.0 * verbatim / quotes):F1}%).").AppendLine();
        report.AppendLine(Emergencies(emergencySetPath, engines[0]));
        Console.WriteLine(report);
        return 0;
    }

    // The NGC clinician questions: each is answered by its guideline (or another that also answers it).
    private static string Operating(Answerability? model) =>
        model is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"{model.Threshold:F2}/{model.RelevanceFloor:F2}");

    private static List<Case> GuidelineCases(string data) =>
        Lines(Path.Combine(data, "ngc", "questions.dev.jsonl")).Select(q => new Case(
            "NGC guidelines", q.GetProperty("id").GetString()!, q.GetProperty("text").GetString()!, "ngc",
            [q.GetProperty("gold").GetString()!, .. q.GetProperty("also_relevant").EnumerateArray().Select(a => a.GetString()!)], true)
        {
            KeyTerms = q.GetProperty("key_terms").EnumerateArray().Select(t => t.GetString()!).ToList(),
            Style = q.GetProperty("style").GetString()!,
        }).ToList();

    private static async Task<string> GuidelinesAsync(string data, Func<Case, bool, Task<Outcome>> ask)
    {
        var cases = GuidelineCases(data);
        var report = new StringBuilder();
        report.AppendLine("| NGC guideline questions (physician) | Evidence searched | Questions | Cites the guideline | In the bottom line | Bottom line or first section says a key term | Bottom line names a guideline | Answered |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var own in new[] { true, false })
        {
            var outcomes = new List<Outcome>();
            foreach (var c in cases)
            {
                outcomes.Add(await ask(c, own));
            }

            var asked = outcomes.Where(o => o.Answer is not null).ToList();
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| all | {(own ? "guidelines only" : "all collections")} | {asked.Count} | {Rate(asked, o => o.CitesGold)} | {Rate(asked, o => o.BottomLineCitesGold)} | {Rate(asked, o => o.SaysKeyTerm)} | {Rate(asked, o => o.BottomLineNamesGuideline)} | {Rate(asked, o => o.Answered)} |");
            if (!own)
            {
                foreach (var style in asked.GroupBy(o => o.Case.Style).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var set = style.ToList();
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"| {style.Key} | all collections | {set.Count} | {Rate(set, o => o.CitesGold)} | {Rate(set, o => o.BottomLineCitesGold)} | {Rate(set, o => o.SaysKeyTerm)} | {Rate(set, o => o.BottomLineNamesGuideline)} | {Rate(set, o => o.Answered)} |");
                }
            }
        }

        return report.ToString();
    }

    private static List<Case> Cases(string data)
    {
        var cases = new List<Case>();
        foreach (var q in Lines(Path.Combine(data, "liveqa_med", "dev.jsonl")))
        {
            var gold = q.GetProperty("medquad_judgments").EnumerateArray()
                .Where(j => j.GetProperty("answer_text_in_corpus").GetBoolean() && j.GetProperty("grade").GetInt32() >= 3)
                .Select(j => j.GetProperty("medquad_id").GetString()!).ToHashSet();
            var correct = q.GetProperty("medquad_judgments").EnumerateArray().Any(j => j.GetProperty("grade").GetInt32() >= 3);
            var id = q.GetProperty("qid").GetString()!;
            if (q.GetProperty("nist_paraphrase").GetString() is { Length: > 0 } paraphrase)
            {
                cases.Add(new Case("LiveQA-Med (paraphrase)", id, paraphrase, "medquad", gold, correct));
            }

            cases.Add(new Case("LiveQA-Med (consumer message)", id, $"{q.GetProperty("subject").GetString()} {q.GetProperty("message").GetString()}".Trim(), "medquad", gold, correct));
        }

        foreach (var q in Lines(Path.Combine(data, "mediqa2019_qa", "dev.jsonl")))
        {
            var gold = q.GetProperty("answers").EnumerateArray()
                .Where(a => a.GetProperty("text_in_corpus").GetBoolean() && a.GetProperty("reference_score").GetInt32() >= 3)
                .Select(a => a.GetProperty("answer_id").GetString()!).ToHashSet();
            var correct = q.GetProperty("answers").EnumerateArray().Any(a => a.GetProperty("reference_score").GetInt32() >= 3);
            cases.Add(new Case("MEDIQA 2019", q.GetProperty("qid").GetString()!, q.GetProperty("question").GetString()!, "mediqa", gold, correct));
        }

        return cases;
    }

    // The threshold that best separates questions with a relevant document (answer) from those without
    // (decline), by balanced accuracy; cross-validated in 5 folds so the held-out figure is honest.
    // How well a signal separates questions that have a relevant document from those that do not: the
    // probability that a random one of the first scores higher than a random one of the second (ROC AUC).
    private static string Separation(List<Outcome> outcomes)
    {
        var rows = outcomes.Where(o => o.Answer is not null).ToList();
        static double Auc(List<Outcome> rows, Func<Outcome, double> signal) => AnswerabilityStudy.Auc(rows.Select(o => (signal(o), o.HasGold)).ToList());

        return string.Create(CultureInfo.InvariantCulture,
            $"Separation of the same questions with and without a relevant document (ROC AUC): the best sentence's relevance {Auc(rows, o => o.Relevance):F3}; the reranker's score of the best document {Auc(rows, o => o.TopScore):F3}; their product {Auc(rows, o => o.Relevance * o.TopScore):F3}.\n");
    }

    // The questions "without a relevant document" are of two kinds: some judged answer is correct but its text is
    // withheld from the corpus (copyrighted sources), or no judged answer is correct at all.
    private static string Withheld(List<Outcome> outcomes)
    {
        var without = outcomes.Where(o => o.Answer is not null && !o.HasGold).ToList();
        var withheld = without.Where(o => o.Case.Correct).ToList();
        var none = without.Where(o => !o.Case.Correct).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"Of the {without.Count} calibration questions without a relevant document, {withheld.Count} have a judged-correct answer whose text the corpus withholds; declined: {Rate(withheld, o => !o.Answered)} of those, {Rate(none, o => !o.Answered)} of the {none.Count} with no correct answer at all.\n");
    }

    private static string Calibrate(List<Outcome> outcomes)
    {
        var rows = outcomes.Where(o => o.Answer is not null).Select(o => (o.Relevance, o.HasGold)).ToList();
        static (double Answered, double Declined) Rates(IEnumerable<(double Relevance, bool HasGold)> set, double t)
        {
            var list = set.ToList();
            var pos = list.Where(r => r.HasGold).ToList();
            var neg = list.Where(r => !r.HasGold).ToList();
            return (pos.Count == 0 ? 0 : (double)pos.Count(r => r.Relevance >= t) / pos.Count, neg.Count == 0 ? 0 : (double)neg.Count(r => r.Relevance < t) / neg.Count);
        }

        // The targets are to answer at least 90% of the questions that have a relevant document and to decline
        // at least 80% of the others; one threshold cannot meet both here, so it balances their shortfalls:
        // the threshold that maximises min(answered / 0.9, declined / 0.8).
        static double Best(IEnumerable<(double Relevance, bool HasGold)> set)
        {
            var list = set.ToList();
            return Enumerable.Range(0, 101).Select(i => i / 100.0)
                .OrderByDescending(t => Rates(list, t) is var r ? Math.Min(r.Answered / 0.9, r.Declined / 0.8) : 0)
                .ThenBy(t => t)
                .First();
        }

        var all = Best(rows);
        var (answered, declined) = Rates(rows, all);
        int hits = 0, pos = 0, rejects = 0, neg = 0;
        for (var fold = 0; fold < 5; fold++)
        {
            var train = rows.Where((_, i) => i % 5 != fold);
            var test = rows.Where((_, i) => i % 5 == fold).ToList();
            var t = Best(train);
            hits += test.Count(r => r.HasGold && r.Relevance >= t);
            pos += test.Count(r => r.HasGold);
            rejects += test.Count(r => !r.HasGold && r.Relevance < t);
            neg += test.Count(r => !r.HasGold);
        }

        var curve = string.Join(" · ", Enumerable.Range(1, 9).Select(i => i / 10.0).Select(t => Rates(rows, t) is var r
            ? string.Create(CultureInfo.InvariantCulture, $"{t:F1}: {r.Answered:P0} / {r.Declined:P0}") : ""));
        return string.Create(CultureInfo.InvariantCulture,
            $"Threshold → answered (with a relevant document) / declined (without): {curve}.\n\n" +
            $"Calibration over {rows.Count} questions (LiveQA-Med paraphrases and MEDIQA, own collections): the threshold that balances the shortfalls of both targets is {all:F2} " +
            $"(answers {answered:P1} of those with a relevant document, declines {declined:P1} of the others); 5-fold cross-validated: answers {(double)hits / Math.Max(1, pos):P1}, declines {(double)rejects / Math.Max(1, neg):P1}.\n");
    }

    private static async Task<string> BioAsqAsync(string data, Workspace workspace, Func<string, (AnswerEngine Engine, DocumentSearcher Searcher)> forQuestion)
    {
        // ROUGE-2 of each text against the ideal answers, summed over the questions: one row of the table each.
        string[] labels = ["Evidentia's answer", "Evidentia's bottom line alone", "The top document's snippet alone", "Top-3 retrieved snippets pasted together"];
        var sums = new (double Recall, double Precision, long Words)[labels.Length];
        var n = 0;
        var answered = 0;
        // Each question's ROUGE-2 recall for the answer and for the top-3 snippets, for the interval of the difference.
        var perQuestion = (Answer: new Dictionary<string, double>(), Snippets: new Dictionary<string, double>());
        foreach (var q in Lines(Path.Combine(data, "bioasq", "dev.jsonl")))
        {
            var question = q.GetProperty("question").GetString()!;
            var ideals = q.GetProperty("ideal_answer").EnumerateArray().Select(i => i.GetString()!).Where(i => i.Length > 0).ToList();
            if (ideals.Count == 0 || QuestionRules.Validate(question) is not null)
            {
                continue;
            }

            var id = q.GetProperty("id").GetString()!;
            var (engine, searcher) = forQuestion(id);
            var answer = await engine.AskAsync(new QuestionInput(question, Audience.Physician) { Collection = "bioasq" }, CancellationToken.None);
            answered += answer.Outcome is AnswerOutcome.Answered or AnswerOutcome.Emergency ? 1 : 0;
            var hits = searcher.Search(question, 3, "bioasq");
            var documents = (await workspace.Store.GetAsync(hits.Select(h => h.Key).ToList(), CancellationToken.None)).ToDictionary(d => d.Key);
            var questionWords = Tokens(question).ToHashSet();
            // The best-matching snippet of each of the top 3 documents.
            var snippets = hits.Where(h => documents.ContainsKey(h.Key)).Select(h =>
            {
                var d = documents[h.Key];
                return d.Sections.Select(s => d.Text[s.Span.Start..s.Span.End]).OrderByDescending(s => Tokens(s).Count(questionWords.Contains)).First();
            }).ToList();
            string[] texts =
            [
                string.Join(' ', answer.AllItems.Select(i => i.Text).Distinct()),
                string.Join(' ', answer.BottomLine.Select(i => i.Text)),
                snippets.FirstOrDefault() ?? "",
                string.Join(' ', snippets),
            ];
            for (var k = 0; k < texts.Length; k++)
            {
                var (recall, precision, words) = sums[k];
                var questionRecall = ideals.Average(i => Rouge2(texts[k], i).Recall);
                sums[k] = (recall + questionRecall, precision + ideals.Average(i => Rouge2(texts[k], i).Precision), words + Tokens(texts[k]).Count);
                if (k == 0)
                {
                    perQuestion.Answer.Add(id, questionRecall);
                }
                else if (k == 3)
                {
                    perQuestion.Snippets.Add(id, questionRecall);
                }
            }

            n++;
        }

        var (low, high) = PairedBootstrap.ChangeInterval(perQuestion.Answer, perQuestion.Snippets);
        var table = string.Concat(labels.Select((label, k) =>
            string.Create(CultureInfo.InvariantCulture, $"| {label} | {sums[k].Recall / n:F4} | {sums[k].Precision / n:F4} | {(double)sums[k].Words / n:F0} |\n")));
        return string.Create(CultureInfo.InvariantCulture,
            $"Answered {answered} of {n} BioASQ dev questions; a declined one counts with an empty answer.\n\n" +
            $"| BioASQ dev ({n} questions, evidence from its snippet documents) | ROUGE-2 recall | ROUGE-2 precision | Mean length (words) |\n|---|---:|---:|---:|\n{table}\n" +
            $"The answer's ROUGE-2 recall against the top-3 snippets': {100 * ((sums[0].Recall / sums[3].Recall) - 1):+0.0;-0.0}%, 95% interval {100 * low:+0.0;-0.0}% to {100 * high:+0.0;-0.0}% (paired bootstrap over the questions).\n");
    }

    // The urgent-care message as the product gives it: the learned detector with the rules as backstop.
    private static string Emergencies(string path, AnswerEngine engine)
    {
        var rows = File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Text: e.GetProperty("text").GetString()!, Emergency: e.GetProperty("emergency").GetBoolean())).ToList();
        var flagged = rows.Count(r => r.Emergency && engine.Analyze(r.Text).IsEmergency);
        var falseAlarms = rows.Count(r => !r.Emergency && engine.Analyze(r.Text).IsEmergency);
        return string.Create(CultureInfo.InvariantCulture,
            $"Emergency set: {flagged} of {rows.Count(r => r.Emergency)} emergencies get the urgent-care message; {falseAlarms} of {rows.Count(r => !r.Emergency)} look-alikes do.\n");
    }

    private static (double Recall, double Precision) Rouge2(string candidate, string reference)
    {
        static Dictionary<string, int> Bigrams(string text)
        {
            var tokens = Tokens(text);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                var key = tokens[i] + " " + tokens[i + 1];
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            return counts;
        }

        var c = Bigrams(candidate);
        var r = Bigrams(reference);
        var overlap = r.Sum(kv => Math.Min(kv.Value, c.GetValueOrDefault(kv.Key)));
        return (r.Count == 0 ? 0 : (double)overlap / r.Values.Sum(), c.Count == 0 ? 0 : (double)overlap / c.Values.Sum());
    }

    private static List<string> Tokens(string text) => Token().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    // "8 (47.1%; 26–69%)": the count, its share, and the share's 95% Wilson interval (LiveQA-Med's sets are small).
    private static string Rate<T>(List<T> set, Func<T, bool> predicate)
    {
        if (set.Count == 0)
        {
            return "–";
        }

        var count = set.Count(predicate);
        var (low, high) = Proportion.WilsonInterval(count, set.Count);
        return string.Create(CultureInfo.InvariantCulture, $"{count} ({100.0 * count / set.Count:F1}%; {100 * low:F0}–{100 * high:F0}%)");
    }

    private static IEnumerable<JsonElement> Lines(string path) => File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone());

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Token();
}
