using System.ClientModel;
using Evidentia.Core.Answers;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Evidentia.Llm;

/// <summary>Builds the LLM composer for an OpenAI-compatible endpoint.</summary>
public static class LlmComposerFactory
{
    /// <exception cref="ArgumentException">The options are incomplete; the message names the configuration path.</exception>
    public static LlmAnswerComposer Create(LlmOptions options, AnswerComposer extractive)
    {
        if (options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey), new OpenAIClientOptions { Endpoint = options.Endpoint });
        return new LlmAnswerComposer(client.GetChatClient(options.Model).AsIChatClient(), extractive, options);
    }
}
