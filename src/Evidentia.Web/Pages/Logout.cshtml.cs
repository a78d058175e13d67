using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evidentia.Web.Pages;

/// <summary>
/// Signs out (POST only, with the antiforgery token of the layout's form): every session of the account ends, so a
/// copy of the cookie is worth nothing afterwards.
/// </summary>
public sealed class LogoutModel(Evidentia.Web.Accounts.AccountService accounts) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true && User.Identity.Name is { } name)
        {
            await accounts.EndSessionsAsync(name, cancellationToken);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
