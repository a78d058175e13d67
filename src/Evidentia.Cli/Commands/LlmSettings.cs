using Evidentia.Core.Answers;
using Evidentia.Llm;
using Microsoft.Extensions.Configuration;

namespace Evidentia.Cli.Commands;

/// <summary>The LLM composer's settings, from environment variables (<c>EVIDENTIA_Llm__Endpoint</c>, …).</summary>
public static class LlmSettings
{
    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
    public static IAnswerComposer CreateComposer(Workspace workspace)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables("EVIDENTIA_").Build();
        var options = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        return LlmComposerFactory.Create(options, new AnswerComposer(workspace.ComposerOptions));
    }
}
