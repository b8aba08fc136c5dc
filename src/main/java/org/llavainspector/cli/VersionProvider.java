package org.llavainspector.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest (falls back to "dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = InspectorCommand.class.getPackage().getImplementationVersion();
        return new String[] {"LLaVA Inspector " + (v == null ? "dev" : v)};
    }
}
