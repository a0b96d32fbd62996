namespace Mailing.Generators;
internal static class AssemblyMarker { }
