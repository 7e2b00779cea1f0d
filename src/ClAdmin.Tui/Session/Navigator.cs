using ClAdmin.Contracts;
using ClAdmin.Menus;
using ClAdmin.Menus.Model;
using ClAdmin.Tui.Logging;
using ClAdmin.Tui.Screens;

namespace ClAdmin.Tui.Session;

/// <summary>
/// The list and selector flow of the full screens: opening a menu, selector or dialog (running a
/// dialog's discover command first), F4 lists (a ring, or the field's list command), and a
/// selector's step to the next screen (classifying a cooked value). Ghost selectors and dialogs
/// are not drawn: a ghost selector's list pops up at once, a ghost dialog runs.
/// </summary>
internal sealed class Navigator(MenuTree tree, ISessionLog log, IScreenHost host, CommandRunner runner)
{
    public void Open(ScreenRef screen, IReadOnlyDictionary<string, string> nameValues)
    {
        if (!tree.Contains(screen))
        {
            host.ShowMessage("ERROR MESSAGE", $"The screen {screen} does not exist.");
            return;
        }
        switch (screen.Kind)
        {
            case NextType.Menu:
                var menu = tree.Menus[screen.Id];
                log.Screen("Menu", FastpathOf(screen), menu.Id, menu.Title);
                host.Push(new MenuScreen(menu));
                break;
            case NextType.Selector:
                var selector = tree.Selectors[screen.Id];
                log.Screen("Selector", FastpathOf(screen), selector.Id, selector.Title);
                if (selector.Ghost && selector.Field.HasList)
                {
                    // A ghost selector is not drawn: its list pops up over the screen below.
                    ShowList(selector.Field, nameValues, value => SelectorDone(selector, value, nameValues));
                }
                else
                {
                    host.Push(FormScreen.ForSelector(selector, nameValues));
                }
                break;
            case NextType.Dialog:
                OpenDialog(tree.Dialogs[screen.Id], nameValues);
                break;
            default:
                break;
        }
    }

    private string FastpathOf(ScreenRef screen) => tree.Resolve(screen.Id) is { } r && r == screen ? screen.Id : "";

    private void OpenDialog(Dialog dialog, IReadOnlyDictionary<string, string> nameValues)
    {
        log.Screen("Dialogue", FastpathOf(new ScreenRef(NextType.Dialog, dialog.Id)), dialog.Id, dialog.Title);
        if (!DialogDiscovery.Discovers(dialog))
        {
            ShowDialog(dialog, nameValues);
            return;
        }
        runner.Discover(dialog, nameValues, discovered => ShowDialog(dialog, discovered));
    }

    private void ShowDialog(Dialog dialog, IReadOnlyDictionary<string, string> nameValues)
    {
        var values = DialogValues.Open(dialog, nameValues);
        if (dialog.Ghost)
        {
            host.RunDialog(values); // a ghost dialog is not drawn: it runs (asking first when it asks)
            return;
        }
        host.Push(FormScreen.ForDialog(values, nameValues));
    }

    public void ShowList(Field field, IReadOnlyDictionary<string, string> nameValues, Action<string> pick)
    {
        if (field.Ring is { } ring)
        {
            var items = ring.Values.Select(v => new ListItem(v, [])).ToList();
            host.Push(ListPopup.ForField(field, new ListOutput(null, items), pick));
            return;
        }
        // Read each time the list opens, and again on F2 while it is open: never an object that is gone.
        var command = Postfix.Apply(field.ListCommand, field.ListPostfix, nameValues);
        runner.RunScreenCommand(command, result =>
        {
            var list = ListOf(result, field.ListMode);
            if (list.Items.Count == 0)
            {
                host.ShowMessage("ERROR MESSAGE", $"There are no items to list.\n\nThe list command was:\n{command}");
                return;
            }
            var popup = ListPopup.ForField(field, list, pick);
            popup.Reload = () => runner.RunScreenCommand(command, again =>
            {
                popup.Replace(ListOf(again, field.ListMode));
                if (popup.IsEmpty)
                {
                    host.ShowMessage("ERROR MESSAGE", $"There are no items to list.\n\nThe list command was:\n{command}");
                }
            });
            host.Push(popup);
        });
    }

    /// <summary>A list command's list: run on nodes (C-SPOC prefixes each line with its node), each node's list, merged.</summary>
    internal static ListOutput ListOf(CommandResult result, ListMode mode) =>
        result.Nodes.Count > 0 ? ListOutput.Merge(result.Nodes.Select(n => (n.Node, n.Stdout)), mode) : ListOutput.Parse(result.Stdout);

    public void SelectorDone(Selector selector, string value, IReadOnlyDictionary<string, string> nameValues)
    {
        if (value.Trim().Length == 0 && selector.Type != SelectorType.JustNext)
        {
            host.ShowMessage("ERROR MESSAGE", $"Enter a value for \"{selector.Field.Label.Trim()}\" or press F4 for a list.");
            return;
        }
        void Step(string? classified)
        {
            var outcome = SelectorStep.Select(selector, value, nameValues, classified);
            if (!tree.Contains(outcome.Next))
            {
                host.ShowMessage("ERROR MESSAGE", $"\"{value.Trim()}\" does not lead to a screen ({outcome.Next}); choose another value.");
                return;
            }
            Open(outcome.Next, outcome.NameValues);
        }
        if (SelectorStep.ClassifyCommand(selector, value, nameValues) is { } classify)
        {
            runner.RunScreenCommand(classify, (CommandResult result) => Step(result.Stdout));
        }
        else
        {
            Step(null);
        }
    }
}
