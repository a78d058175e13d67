using Evidentia.Core.Articles;
using Evidentia.Core.Conversations;
using Evidentia.Web.Answering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages.Threads;

/// <summary>The questions and answers of one conversation, in order.</summary>
public sealed class ShowModel(AnswerService answers) : PageModel
{
    public string Id { get; private set; } = "";

    public IReadOnlyList<(ConversationTurn Turn, Article Article)> Turns { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Id = id;
        Turns = await answers.ThreadAsync(id, cancellationToken);
        return Turns.Count == 0 ? NotFound() : Page();
    }
}
