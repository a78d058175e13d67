using System.Text.Json;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Cli;

/// <summary>The <c>evidentia</c> executable as users and IR tools call it, through a real process.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => _folder.Combine("data");

    private async Task IngestDemoAsync()
    {
        var result = await CliProcess.RunAsync("--data", Data, "ingest", Path.Combine(AppContext.BaseDirectory, "demo"));
        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public async Task Help_Should_Explain_The_Commands()
    {
        var result = await CliProcess.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "ask", "search", "ingest", "index", "--data" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ingest_Should_Fail_Clearly_On_A_Missing_Path()
    {
        var result = await CliProcess.RunAsync("--data", Data, "ingest", _folder.Combine("nowhere"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No such file or folder", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_Should_Report_A_Malformed_Line_By_File_And_Line_And_Ingest_The_Rest()
    {
        var file = _folder.File("docs.jsonl", "{\"id\": \"1\", \"text\": \"Good text here.\"}\n{oops\n");
        var result = await CliProcess.RunAsync("--data", Data, "ingest", file, "--json");
        Assert.Equal(3, result.ExitCode);
        using var summary = JsonDocument.Parse(result.Out);
        Assert.Equal(1, summary.RootElement.GetProperty("added").GetInt32());
        var problem = Assert.Single(summary.RootElement.GetProperty("problems").EnumerateArray().ToList());
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.Contains("docs.jsonl:2", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_Should_Reject_An_Empty_Question(string question)
    {
        var result = await CliProcess.RunAsync("--data", Data, "ask", question);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("The question is empty.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Should_Reject_An_Unknown_Audience_As_Bad_Input()
    {
        var result = await CliProcess.RunAsync("--data", Data, "ask", "What is gout?", "--audience", "alien");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("physician", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Should_Reject_A_Question_Over_2000_Characters_Before_Any_Work()
    {
        var result = await CliProcess.RunAsync("--data", Data, "ask", new string('a', 2001));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the limit is 2,000", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Data, "evidentia.db")));
    }

    [Fact]
    public async Task Ask_Json_Should_Carry_The_Answer_Contract()
    {
        await IngestDemoAsync();
        var result = await CliProcess.RunAsync("--data", Data, "ask", "What is the first-line treatment of anaphylaxis?", "--audience", "nurse", "--json");
        Assert.True(result.ExitCode == 0, result.Error);

        using var json = JsonDocument.Parse(result.Out);
        var answer = json.RootElement;
        foreach (var field in new[] { "id", "questionId", "outcome", "reason", "question", "audience", "bottomLine", "sections", "references", "relatedQuestions", "followUps", "timingsMs" })
        {
            Assert.True(answer.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal("Answered", answer.GetProperty("outcome").GetString());
        Assert.Equal("nurse", answer.GetProperty("audience").GetString());
        var reference = answer.GetProperty("references")[0];
        Assert.Equal("Guideline", reference.GetProperty("evidenceLevel").GetString());
        Assert.Equal(2020, reference.GetProperty("year").GetInt32());
        var item = answer.GetProperty("bottomLine")[0];
        var quote = item.GetProperty("quotes")[0];
        Assert.Equal(item.GetProperty("citations")[0].GetInt32(), quote.GetProperty("n").GetInt32());
        Assert.Equal("anaphylaxis-wao-2020", quote.GetProperty("documentId").GetString());
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "demo", "anaphylaxis-wao-2020.md"));
        Assert.Contains(quote.GetProperty("text").GetString()!, source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Should_Say_So_When_The_Sources_Do_Not_Answer()
    {
        await IngestDemoAsync();
        var result = await CliProcess.RunAsync("--data", Data, "ask", "Which vaccine protects against yellow fever?", "--json");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("InsufficientEvidence", json.RootElement.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("reason").GetString()));
        Assert.Equal(0, json.RootElement.GetProperty("references").GetArrayLength());
    }

    [Fact]
    public async Task Ask_Batch_Should_Write_One_Answer_Per_Line_With_The_Question_Id()
    {
        await IngestDemoAsync();
        var questions = _folder.File("q.jsonl", "{\"id\": \"q1\", \"text\": \"What is the target blood pressure in hypertension?\"}\nnot json\n{\"id\": \"q2\", \"text\": \"How is pneumonia treated in healthy outpatients?\"}\n");
        var output = _folder.Combine("answers.jsonl");
        var result = await CliProcess.RunAsync("--data", Data, "ask", "--questions", questions, "--out", output);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("q.jsonl:2", result.Error, StringComparison.Ordinal);
        var answers = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["q1", "q2"], answers.Select(a => a.GetProperty("questionId").GetString()));
        Assert.All(answers, a => Assert.Equal("Answered", a.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Ask_Batch_Should_Answer_Every_Line_When_One_Question_Has_Hundreds_Of_Distinct_Words()
    {
        await IngestDemoAsync();
        var many = Search.LongQuestionTests.ManyWords();
        var questions = _folder.File("long.jsonl", string.Join('\n', [
            JsonSerializer.Serialize(new { id = "q1", text = "How is pneumonia treated in healthy outpatients?" }),
            JsonSerializer.Serialize(new { id = "q2", text = many }),
            JsonSerializer.Serialize(new { id = "q3", text = "What is the first-line treatment of anaphylaxis?" })]) + "\n");
        var output = _folder.Combine("long-answers.jsonl");
        var result = await CliProcess.RunAsync("--data", Data, "ask", "--questions", questions, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["q1", "q2", "q3"], File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("questionId").GetString()));
    }

    [Fact]
    public async Task Search_Batch_Should_Write_A_Valid_Trec_Run()
    {
        await IngestDemoAsync();
        var queries = _folder.File("q.jsonl", "{\"id\": \"1\", \"text\": \"epinephrine dose\"}\n{\"id\": \"2\", \"text\": \"amoxicillin pneumonia\"}\n{\"id\": \"3\", \"text\": \"zzzz\"}\n");
        var run = _folder.Combine("run.trec");
        var result = await CliProcess.RunAsync("--data", Data, "search", "--queries", queries, "--run", run, "--top", "2");

        Assert.True(result.ExitCode == 0, result.Error);
        var rows = File.ReadAllLines(run).Select(l => l.Split(' ')).ToList();
        Assert.All(rows, r => Assert.Equal(6, r.Length));
        Assert.All(rows, r => Assert.Equal("Q0", r[1]));
        Assert.Equal("anaphylaxis-wao-2020", rows.First(r => r[0] == "1")[2]);
        foreach (var query in rows.GroupBy(r => r[0]))
        {
            Assert.Equal(query.Count(), query.Select(r => r[2]).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, query.Count()).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), query.Select(r => r[3]));
            Assert.True(query.Count() <= 2);
        }
    }

    [Fact]
    public async Task Search_Json_Should_List_Hits_Best_First()
    {
        await IngestDemoAsync();
        var result = await CliProcess.RunAsync("--data", Data, "search", "pneumonia", "--json");
        using var json = JsonDocument.Parse(result.Out);
        var first = json.RootElement[0];
        Assert.Equal("community-acquired-pneumonia-ats-idsa-2019", first.GetProperty("id").GetString());
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Index_Rebuild_Should_Restore_A_Deleted_Index()
    {
        await IngestDemoAsync();
        Directory.Delete(Path.Combine(Data, "index"), recursive: true);
        var result = await CliProcess.RunAsync("--data", Data, "index", "--rebuild");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("3 documents", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Say_So_When_Another_Process_Uses_The_Data_Folder()
    {
        await IngestDemoAsync();
        await using var holder = await Evidentia.Cli.Workspace.OpenAsync(new Evidentia.Core.DataFolder(Data), CancellationToken.None);
        var result = await CliProcess.RunAsync("--data", Data, "search", "pneumonia");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("in use by another Evidentia process", Evidentia.Core.Text.WhitespaceNormalizer.CollapseAll(result.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Follow_Up_Should_Inherit_The_Focus_Of_Its_Conversation()
    {
        await IngestDemoAsync();
        var first = await CliProcess.RunAsync("--data", Data, "ask", "What is the first-line treatment of anaphylaxis?", "--conversation", "c-test", "--json");
        Assert.True(first.ExitCode == 0, first.Error);
        var followUp = await CliProcess.RunAsync("--data", Data, "ask", "what about the dose?", "--conversation", "c-test", "--json");

        using var json = JsonDocument.Parse(followUp.Out);
        var answer = json.RootElement;
        Assert.Equal("c-test", answer.GetProperty("conversationId").GetString());
        Assert.Contains("anaphylaxis", answer.GetProperty("searchedAs").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Answered", answer.GetProperty("outcome").GetString());
        Assert.Equal("anaphylaxis-wao-2020", answer.GetProperty("references")[0].GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task An_Emergency_Should_Get_The_Urgent_Care_Message()
    {
        await IngestDemoAsync();
        var result = await CliProcess.RunAsync("--data", Data, "ask", "My throat is swelling after a bee sting and I can't breathe", "--json");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("Emergency", json.RootElement.GetProperty("outcome").GetString());
        Assert.StartsWith(Evidentia.Core.Answers.AnswerComposer.UrgentCareMessage, json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
