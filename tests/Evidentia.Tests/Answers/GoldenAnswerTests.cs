using System.Text.Json;
using Evidentia.Core.Answers;
using Evidentia.Core.Questions;
using Evidentia.Search.Evaluation;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Answers;

/// <summary>
/// Golden files hold the full composed answer (as <see cref="AnswerText"/>) for dev questions of different
/// types and audiences: a change in composition shows up as a diff. To accept a change, run the tests with
/// <c>EVIDENTIA_UPDATE_GOLDEN=1</c> and review the diff of <c>tests/Evidentia.Tests/Answers/Golden</c>.
/// </summary>
[Collection(SharedCorpusCollection.Name)]
public class GoldenAnswerTests(SharedCorpusFixture corpus)
{
    private sealed record GoldenQuestion(string Name, string Text, string Audience);

    private static bool Update => Environment.GetEnvironmentVariable("EVIDENTIA_UPDATE_GOLDEN") == "1";

    private static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var golden = Path.Combine(dir.FullName, "tests", "Evidentia.Tests", "Answers", "Golden");
                if (Directory.Exists(golden))
                {
                    return golden;
                }
            }

            throw new DirectoryNotFoundException("tests/Evidentia.Tests/Answers/Golden not found above the test binaries.");
        }
    }

    [SharedDataFact]
    public async Task Composed_Answers_Should_Match_Their_Golden_Files()
    {
        var listPath = Path.Combine(Folder, "questions.jsonl");
        if (Update && !File.Exists(listPath))
        {
            File.WriteAllLines(listPath, Select(corpus.DataFolder!).Select(q => JsonSerializer.Serialize(q)));
        }

        var questions = File.ReadLines(listPath).Select(l => JsonSerializer.Deserialize<GoldenQuestion>(l)!).ToList();
        Assert.True(questions.Count >= 20, $"only {questions.Count} golden questions");
        var types = new HashSet<QuestionType>();
        var engine = corpus.Workspace!.CreateAnswerEngine();
        var differences = new List<string>();
        foreach (var q in questions)
        {
            var answer = await engine.AskAsync(new QuestionInput(q.Text, Enum.Parse<Audience>(q.Audience, ignoreCase: true)), CancellationToken.None);
            types.Add(Enum.Parse<QuestionType>(answer.QuestionType!));
            var text = AnswerText.Render(answer);
            var path = Path.Combine(Folder, q.Name + ".txt");
            if (Update)
            {
                await File.WriteAllTextAsync(path, text);
                continue;
            }

            var expected = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
            if (expected != text)
            {
                await File.WriteAllTextAsync(Path.Combine(Folder, q.Name + ".received.txt"), text);
                differences.Add($"{q.Name}: {FirstDifference(expected, text)}");
            }
        }

        Assert.True(types.Count >= 6, $"the golden questions cover only {types.Count} question types");
        Assert.True(differences.Count == 0, "Composed answers differ from their golden files (see *.received.txt):\n" + string.Join('\n', differences));
    }

    // The first two dev questions of each type (LiveQA paraphrases, MEDIQA, BioASQ, in file order), and the
    // first three again for patients.
    private static List<GoldenQuestion> Select(string data)
    {
        var pool = DevQuestions.Read(data)
            .Where(q => q.Text.Length <= QuestionRules.MaxLength)
            .Select(q => (Name: $"{q.Set}-{q.Id}", q.Text))
            .ToList();
        var chosen = pool.GroupBy(q => QuestionAnalyzer.Analyze(q.Text).Type).SelectMany(g => g.Take(2))
            .Select(q => new GoldenQuestion(q.Name, q.Text, "physician")).ToList();
        chosen.AddRange(chosen.Take(3).Select(q => q with { Name = q.Name + "-patient", Audience = "patient" }));
        return chosen;
    }

    private static string FirstDifference(string? expected, string actual)
    {
        if (expected is null)
        {
            return "no golden file";
        }

        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end>";
            var y = i < b.Length ? b[i] : "<end>";
            if (x != y)
            {
                return $"line {i + 1}: expected \"{x}\", got \"{y}\"";
            }
        }

        return "whitespace";
    }
}
