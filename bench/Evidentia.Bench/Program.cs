using BenchmarkDotNet.Running;
using Evidentia.Bench;

// trec-files DATA_DIR OUT_DIR: queries and qrels of the dev benchmarks (see bench/README.md).
// Anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["trec-files", var dataDir, var outDir])
{
    foreach (var b in TrecFiles.Write(dataDir, outDir))
    {
        Console.WriteLine($"{b.Name}\t{b.Queries}\t{b.Qrels}\t{b.Collection}\t{b.MinRelevant}");
    }

    return 0;
}

// scale-corpus PASSAGES OUT_DIR [SEED]: the synthetic PubMed-shaped corpus of the scale benchmark (bench/scale.sh).
if (args is ["scale-corpus", var count, var corpusDir, ..] && long.TryParse(count, out var passages))
{
    var seed = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 26;
    var (citations, written) = ScaleCorpus.Learn(BenchData.SharedData).Write(corpusDir, passages, seed);
    Console.WriteLine($"citations\t{citations}\npassages\t{written}");
    return 0;
}

// scale-latency DATA_DIR [N]: warm search and ask percentiles over the dev questions (bench/scale.sh), or over N of them
// spread evenly (a quicker look while profiling).
if (args is ["scale-latency", var scaleData, ..] && args.Length <= 3)
{
    var questions = Evidentia.Search.Evaluation.DevQuestions.Read(BenchData.SharedData, bioAsqLimit: 200).Select(q => q.Text)
        .Where(q => Evidentia.Core.Answers.QuestionRules.Validate(q) is null).ToList();
    if (args.Length == 3 && int.TryParse(args[2], out var sample) && sample > 0 && sample < questions.Count)
    {
        questions = Enumerable.Range(0, sample).Select(i => questions[i * questions.Count / sample]).ToList();
    }

    Console.WriteLine(await ScaleLatency.MeasureAsync(scaleData, questions, CancellationToken.None));
    return 0;
}

// retrieval [--write-model]: the retrieval table of docs/EVALUATION.md, with both anchors in the same run and
// the reranker cross-validated; --write-model also writes the reranker Evidentia ships, trained on every fold.
// --hybrid: the hybrid reranker (lexical and sentence-vector features) over the hybrid candidates; its model is
// reranker-hybrid.json.
if (args is ["retrieval", ..] && args.Skip(1).All(a => a is "--write-model" or "--hybrid"))
{
    var hybrid = args.Contains("--hybrid");
    return await RetrievalEvaluation.RunAsync(
        Path.Combine("bench", "out"),
        args.Contains("--write-model") ? Path.Combine("src", "Evidentia.Search", "Retrieval", hybrid ? "reranker-hybrid.json" : "reranker.json") : null,
        hybrid);
}

// answers [EMERGENCY_SET]: the answer figures of docs/EVALUATION.md.
// answers --answerability [--write-model]: only the study of signals that tell whether the evidence answers (issue 23,
// item 5); --write-model also writes the model Evidentia ships, trained on every calibration question.
if (args is ["answers", "--answerability", "--from", var rowsFile, "--write-model"])
{
    Console.WriteLine(AnswerabilityStudy.WriteModel(AnswerabilityStudy.ReadRows(rowsFile)));
    return 0;
}

if (args is ["answers", "--answerability", ..])
{
    return await AnswerEvaluation.RunAsync(Path.Combine("tests", "Evidentia.Tests", "Questions", "emergency-set.jsonl"), answerabilityOnly: true, writeModel: args.Contains("--write-model"));
}

if (args is ["answers", ..])
{
    return await AnswerEvaluation.RunAsync(args.Length > 1 ? args[1] : Path.Combine("tests", "Evidentia.Tests", "Questions", "emergency-set.jsonl"));
}

// emergencies [--write-model]: the emergency classifier, cross-validated by leaving each red-flag category out;
// --write-model also writes the model Evidentia ships, trained on all of the set.
if (args is ["emergencies"] or ["emergencies", "--write-model"])
{
    return EmergencyTraining.Run(args.Length > 1);
}

// encoders: sentence encoder throughput, texts per second (docs/PERFORMANCE.md).
if (args is ["encoders"])
{
    return await EncoderThroughput.RunAsync();
}

// pages: server time of the answer page, new and already answered (docs/PERFORMANCE.md).
if (args is ["pages"])
{
    return await PageTimings.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(TrecFiles).Assembly).Run(args);
return 0;
