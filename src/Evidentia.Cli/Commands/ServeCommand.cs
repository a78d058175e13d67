using System.CommandLine;
using Evidentia.Cli.Rendering;
using Evidentia.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary><c>evidentia serve [--urls URLS]</c>: the web product and the JSON API on the embedded data folder.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, ASP.NET Core style: one or more URLs separated by ';'.",
            DefaultValueFactory = _ => DefaultUrls,
            HelpName = "URLS",
        };
        var composer = new Option<string>("--composer")
        {
            Description = "extractive (default) or llm (see 'evidentia ask --help').",
            DefaultValueFactory = _ => "extractive",
        };
        composer.AcceptOnlyFromAmong("extractive", "llm");
        var command = new Command("serve", "Serve the web app (ask, answer pages, library) and the JSON API under /api.\n\nExample:\n  evidentia serve --urls http://0.0.0.0:8080")
        {
            urls, composer,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var workspace = await WorkspaceLoader.OpenReadyAsync(result, cancellationToken);
            var backend = workspace.CreateWebBackend(result.GetValue(composer) == "llm" ? LlmSettings.CreateComposer(workspace) : null);
            await using var app = EvidentiaWeb.Build(backend, ["--urls", result.GetValue(urls)!]);
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Consoles.Error.MarkupLineInterpolated($"[green]Evidentia is serving[/] {workspace.Folder.Path} at [bold]{string.Join(", ", addresses)}[/] (Ctrl+C to stop).");
            // Ctrl+C (or SIGTERM) cancels the token: the server stops gracefully, then the data folder is closed.
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
