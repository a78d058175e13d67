using Evidentia.Cli.Commands;
using Evidentia.Cli.Rendering;
using Spectre.Console;

var parse = EvidentiaCommand.Create().Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Consoles.Fail(error.Message);
    }

    Consoles.Error.MarkupLine("See [bold]evidentia --help[/].");
    return ExitCodes.BadInput;
}

return await parse.InvokeAsync();
