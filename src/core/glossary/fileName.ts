// Apart from the glossary itself, so the editor can watch for the file without loading the glossary.
/** Name of the optional workspace file with extra or overriding terms. */
export const GLOSSARY_FILE_NAME = '.postmortem-glossary.yaml';
