using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.Cspoc;

/// <summary>The one place the C-SPOC command implementations are made, for the dispatcher.</summary>
public static class CspocHandlers
{
    /// <summary>Every C-SPOC handler, running its per-node AIX commands through <paramref name="engine"/>
    /// on -cspoc's nodes, or on all of <paramref name="nodes"/> when -cspoc names none.</summary>
    public static IReadOnlyList<ICommandHandler> Create(FanOutEngine engine, IClusterNodes nodes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(nodes);
        return
        [
            new UserGroupHandler(engine, nodes),
            new ChpasswdHandler(engine, nodes),
            new NodeCmdHandler(engine, nodes),
            new MkvgHandler(engine, nodes),
            new ImportvgHandler(engine, nodes),
            new LvmChangeHandler(engine, nodes),
            new LvmQueryHandler(engine, nodes),
            new UpdatevgHandler(engine, nodes),
            new LvmMirrorHandler(engine, nodes),
            new DiskHandler(engine, nodes),
            new InterfaceHandler(engine, nodes),
            new SyncdHandler(engine, nodes),
            new ClsnapHandler(engine, nodes),
        ];
    }
}
