using Evidentia.Core.Accounts;
using Evidentia.Web.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages.Admin;

/// <summary>Admins list and add accounts.</summary>
public sealed class UsersModel(IUserStore users, AccountService accounts) : PageModel
{
    public IReadOnlyList<User> Users { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await users.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? name, string? displayName, string? credentials, Role role, string? password, CancellationToken cancellationToken)
    {
        try
        {
            await accounts.AddAsync(name ?? "", displayName ?? "", credentials, role, password ?? "", User.Identity!.Name!, cancellationToken);
            return Redirect("/admin/users");
        }
        catch (ArgumentException e)
        {
            Error = e.Message.Split(" (Parameter")[0];
            Users = await users.ListAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
