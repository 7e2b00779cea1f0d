using ClAdmin.Contracts;

namespace ClAdmin;

/// <summary>
/// A command's yes/no questions (clverify "Interactively") asked on the terminal `cladmin cmd` or
/// `cladmin run` was started from: the question on standard error, the answer a line of standard
/// input. Only given when standard input is a terminal; otherwise a command has no one to ask, and
/// verification corrects nothing and says so.
/// </summary>
internal sealed class TerminalPrompt(TextReader input, TextWriter output) : ICommandPrompt
{
    /// <summary>The prompt for a verb run from a terminal, or null when standard input is not one.</summary>
    public static ICommandPrompt? ForConsole(TextWriter output) =>
        Console.IsInputRedirected ? null : new TerminalPrompt(Console.In, output);

    public async Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        while (true)
        {
            await output.WriteAsync(question + " ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var answer = (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
            if (answer is null)
            {
                return false; // the terminal closed: nothing is changed
            }
            if (answer.Length > 0 && answer[0] is 'y' or 'Y' or 'n' or 'N')
            {
                return answer[0] is 'y' or 'Y';
            }
        }
    }
}
