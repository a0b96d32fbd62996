namespace Mailing.Analyzers;
internal static class AssemblyMarker { }
