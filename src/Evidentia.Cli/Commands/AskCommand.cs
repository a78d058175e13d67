using System.CommandLine;
using System.Text.Json;
using Evidentia.Cli.Rendering;
using Spectre.Console;
using Evidentia.Core.Answers;

namespace Evidentia.Cli.Commands;

/// <summary>
/// <c>evidentia ask "QUESTION" [--audience ROLE] [--json]</c> and the batch mode
/// <c>evidentia ask --questions FILE.jsonl --out ANSWERS.jsonl</c>.
/// </summary>
public static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string?>("question") { Description = "The question, in plain words.", Arity = ArgumentArity.ZeroOrOne };
        var audience = new Option<Audience>("--audience")
        {
            Description = "Who is asking: physician, nurse, pharmacist, student or patient.",
            DefaultValueFactory = _ => Audience.Physician,
            HelpName = "ROLE",
        };
        audience.AcceptOnlyFromAmong([.. Enum.GetNames<Audience>().Select(n => n.ToLowerInvariant())]);
        var json = new Option<bool>("--json") { Description = "Print the answer as JSON (the contract of the API)." };
        var conversation = new Option<string?>("--conversation")
        {
            Description = "Continue a conversation: a follow-up (\"and in children?\") inherits its focus. Every answer prints its conversation id.",
            HelpName = "ID",
        };
        var collection = new Option<string?>("--collection") { Description = "Only evidence of this collection.", HelpName = "NAME" };
        var composer = new Option<string>("--composer")
        {
            Description = "extractive (default: every sentence a quote) or llm (an OpenAI-compatible model set by EVIDENTIA_Llm__Endpoint, EVIDENTIA_Llm__Model and EVIDENTIA_Llm__ApiKey; its claims are verified against the evidence).",
            DefaultValueFactory = _ => "extractive",
        };
        composer.AcceptOnlyFromAmong("extractive", "llm");
        var questions = new Option<string?>("--questions") { Description = "Batch mode: JSON Lines of {\"id\", \"text\"}.", HelpName = "FILE.jsonl" };
        var output = new Option<string?>("--out") { Description = "Batch mode: where to write one answer JSON a line.", HelpName = "ANSWERS.jsonl" };
        var command = new Command("ask", "Answer a question from the indexed sources; every sentence is cited to an exact quote.")
        {
            question, audience, json, conversation, collection, composer, questions, output,
        };
        command.Validators.Add(r =>
        {
            var hasQuestion = r.GetValue(question) is not null;
            var hasBatch = r.GetValue(questions) is not null;
            if (hasQuestion == hasBatch)
            {
                r.AddError("Give either a QUESTION or --questions FILE.jsonl (with --out ANSWERS.jsonl).");
            }
            else if (hasBatch != (r.GetValue(output) is not null))
            {
                r.AddError("--questions and --out go together.");
            }
        });
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var text = result.GetValue(question);
            // Reject a bad question before the first-use ingest, not after it.
            if (text is not null && QuestionRules.Validate(text) is { } error)
            {
                throw new ArgumentException(error);
            }

            await using var workspace = await WorkspaceLoader.OpenReadyAsync(result, cancellationToken);
            var engine = workspace.CreateAnswerEngine(result.GetValue(composer) == "llm" ? LlmSettings.CreateComposer(workspace) : null);
            var role = result.GetValue(audience);
            if (result.GetValue(questions) is { } questionsPath)
            {
                var entries = QuestionFile.Read(questionsPath, out var problems);
                await using var writer = new StreamWriter(result.GetValue(output)!);
                var written = 0;
                foreach (var entry in entries)
                {
                    if (QuestionRules.Validate(entry.Text) is { } lineError)
                    {
                        Consoles.Error.MarkupLineInterpolated($"[red]problem:[/] {questionsPath}:{entry.Line}: {lineError}");
                        problems++;
                        continue;
                    }

                    Answer batchAnswer;
                    try
                    {
                        batchAnswer = await engine.AskAsync(
                            new QuestionInput(entry.Text, role) { QuestionId = entry.Id, Collection = result.GetValue(collection) }, cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One question that cannot be answered is a problem of its line, not the end of the batch.
                        Consoles.Error.MarkupLineInterpolated($"[red]problem:[/] {questionsPath}:{entry.Line}: not answered: {e.Message}");
                        problems++;
                        continue;
                    }

                    await writer.WriteLineAsync(JsonSerializer.Serialize(batchAnswer, AnswerJson.Options));
                    written++;
                }

                Consoles.Error.MarkupLineInterpolated($"Wrote {written:N0} answers to [bold]{result.GetValue(output)}[/].");
                return problems == 0 ? ExitCodes.Ok : ExitCodes.CompletedWithProblems;
            }

            var conversationId = result.GetValue(conversation) ?? NewConversationId();
            var answer = await engine.AskAsync(
                new QuestionInput(text!, role) { ConversationId = conversationId, Collection = result.GetValue(collection) }, cancellationToken);
            if (result.GetValue(json))
            {
                Consoles.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(answer, AnswerJson.Indented));
            }
            else
            {
                AnswerRenderer.Write(Consoles.Out, answer);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string NewConversationId() => "c-" + Guid.NewGuid().ToString("N")[..12];
}
