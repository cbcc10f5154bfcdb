function __duben_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __duben_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __duben_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __duben_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __duben_parse_tokens -S
    set -l unparsed_tokens (__duben_tokens -pc)
    switch $unparsed_tokens[1]
    case 'duben'
        __duben_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'read'
            __duben_parse_subcommand -r 1 'doc=' 'width=' 'ambiguous-width=' 'indent=' 'config=' 'theme=' 'status-line=' 'no-color' 'no-resume' 'osc52' 'no-cache' 'bookmarks=' 'style=' 'template=' 'encoding=' 'version' 'h/help'
        case 'list'
            __duben_parse_subcommand -r 1 'json' 'encoding=' 'version' 'h/help'
        case 'toc'
            __duben_parse_subcommand -r 1 'doc=' 'json' 'encoding=' 'version' 'h/help'
        case 'quotes'
            __duben_parse_subcommand -r 1 'from=' 'to=' 'on=' 'overlap' 'match=' 'occasion=' 'sort=' 'doc=' 'json' 'encoding=' 'version' 'h/help'
        case 'search'
            __duben_parse_subcommand -r 2 'F/fixed-strings' 'i/ignore-case' 's/case-sensitive' 'c/count' 'doc=' 'from=' 'to=' 'on=' 'overlap' 'json' 'encoding=' 'version' 'h/help'
        case 'timeline'
            __duben_parse_subcommand -r 1 'from=' 'to=' 'on=' 'overlap' 'match=' 'by=' 'json' 'encoding=' 'version' 'h/help'
        case 'bookmarks'
            __duben_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __duben_parse_subcommand -r 1 'bookmarks=' 'json' 'match=' 'encoding=' 'version' 'h/help'
            case 'add'
                __duben_parse_subcommand -r 1 'bookmarks=' 'doc=' 'block=' 'offset=' 'length=' 'quotation=' 'note=' 'label=' 'encoding=' 'version' 'h/help'
            case 'remove'
                __duben_parse_subcommand 1 'bookmarks=' 'version' 'h/help'
            case 'export'
                __duben_parse_subcommand -r 1 'bookmarks=' 'format=' 'output=' 'force' 'bom' 'doc=' 'match=' 'style=' 'template=' 'citations=' 'bibliography=' 'config=' 'encoding=' 'version' 'h/help'
            case 'import'
                __duben_parse_subcommand 1 'bookmarks=' 'version' 'h/help'
            case 'check'
                __duben_parse_subcommand 0 'bookmarks=' 'version' 'h/help'
            end
        case 'cite'
            __duben_parse_subcommand -r 1 'doc=' 'block=' 'sentences=' 'bookmark=' 'bookmarks=' 'style=' 'template=' 'config=' 'encoding=' 'version' 'h/help'
        case 'cache'
            __duben_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'info'
                __duben_parse_subcommand 0 'version' 'h/help'
            case 'clear'
                __duben_parse_subcommand 0 'version' 'h/help'
            end
        case 'config'
            __duben_parse_subcommand 1 'print-default' 'check' 'path' 'config=' 'version' 'h/help'
        case 'dump'
            __duben_parse_subcommand -r 1 'encoding=' 'version' 'h/help'
        case 'render'
            __duben_parse_subcommand -r 1 'doc=' 'width=' 'ambiguous-width=' 'indent=' 'config=' 'encoding=' 'version' 'h/help'
        case 'help'
            __duben_parse_subcommand -r 1 'version'
        end
    end
end

function __duben_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __duben_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __duben_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __duben_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__duben_tokens -p)
    if test -z "$(__duben_tokens -t)"
        set -l index (count (__duben_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'duben' -f
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'read' -d 'Open the reader (the default command).'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'list' -d 'List the documents: id, kind, title, author, date, block and quotation counts.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'toc' -d 'Print the table of contents (headings and, in speeches, run-in points) of each document.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'quotes' -d 'List dated quotations in reading order.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'search' -d 'Find a pattern in the texts, with each match\'s document, section or date.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'timeline' -d 'Count dated quotations per month (or day), with bars; report passages listed apart.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'bookmarks' -d 'Keep, list and export bookmarked passages (file format: Docs/BOOKMARKS.md).'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'cite' -d 'Print a passage (a block, some of its sentences, or a bookmark) with its citation.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'cache' -d 'Show or clear the index cache (each file\'s parse, kept for the next open).'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'config' -d 'Print the default configuration file, check one, or say where it is.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'dump' -d 'Print the whole parsed model as JSON (schema: Docs/DUMP.md).'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'render' -d 'Print the wrapped lines of each document as the reader shows them.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" doc' -l 'doc' -d 'Open this document (id, number, or part of the title).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" width' -l 'width' -d 'Text column width in cells (default: the terminal\'s width less margins, at most 76; 80 when not a terminal).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" ambiguous-width' -l 'ambiguous-width' -d 'Cells for East Asian Ambiguous characters such as “ ” … — ·: 1 or 2 (default: 1).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" indent' -l 'indent' -d 'First-line indentation of indented paragraphs: keep or none (default: keep).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" config' -l 'config' -d 'Read this configuration file (default: $DUBEN_CONFIG, else $XDG_CONFIG_HOME/duben/config.toml, else ~/.config/duben/config.toml).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" theme' -l 'theme' -d 'Colours: default, light (for a light background), dark (for a dark one) or monochrome.' -rfka 'default light dark monochrome'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" status-line' -l 'status-line' -d 'Where the status line goes: bottom (the default) or top, under the title line.' -rfka 'bottom top'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" no-color' -l 'no-color' -d 'Do not use colours: the monochrome theme (also when NO_COLOR is set and not empty).'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" no-resume' -l 'no-resume' -d 'Start every document at the top instead of where it was left, and do not reopen the last document.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" osc52' -l 'osc52' -d 'Let y copy through the terminal (OSC 52) when no clipboard tool works.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" no-cache' -l 'no-cache' -d 'Neither use nor write the index cache (see `duben cache`).'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" bookmarks' -l 'bookmarks' -d 'The bookmark file (default: $DUBEN_BOOKMARKS, else $XDG_DATA_HOME/duben/bookmarks.json, else ~/.local/share/duben/bookmarks.json).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" style' -l 'style' -d 'Citation style: source (the collections\' own form: 习近平：《题名》（2018年2月12日）; the default) or gbt7714 (GB/T 7714-2015 references).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" template' -l 'template' -d 'A citation template instead of a style, e.g. \'{author}：《{title}》（{date}）\'. Fields: {author} {title} {date} {occasion} {section} {place} {source} {kind} {citation}; {{ and }} are braces; an unknown field is an error.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben read" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben list" json' -l 'json' -d 'Print JSON instead of a table.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben list" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben list" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben toc" doc' -l 'doc' -d 'Only this document (id, number, or part of the title).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben toc" json' -l 'json' -d 'Print JSON instead of an indented list.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben toc" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben toc" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben toc" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" from' -l 'from' -d 'Only quotations dated on or after this date (overlap).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" to' -l 'to' -d 'Only quotations dated on or before this date (overlap).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" on' -l 'on' -d 'Only quotations dated within this day, month or year (see --overlap).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" overlap' -l 'overlap' -d 'With --on, also quotations whose coarser date may include that day.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" match' -l 'match' -d 'Only quotations whose text or citation contains this text.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" occasion' -l 'occasion' -d 'Only quotations whose occasion contains this text.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" sort' -l 'sort' -d 'Order: reading (the order of the texts) or date (earliest first; ties in reading order).' -rfka 'reading date'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" doc' -l 'doc' -d 'Only this document (id, number, or part of the title).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" json' -l 'json' -d 'Print JSON instead of a table.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben quotes" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" F fixed-strings' -s 'F' -l 'fixed-strings' -d 'PATTERN is a literal string, not a regular expression.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" i ignore-case' -s 'i' -l 'ignore-case' -d 'ASCII letters match in either case.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" case-sensitive s' -s 's' -l 'case-sensitive' -d 'ASCII letters match only in the case written (full-width forms still fold).'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" c count' -s 'c' -l 'count' -d 'Print the number of matches only.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" doc' -l 'doc' -d 'Only this document (id, number, or part of the title).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" from' -l 'from' -d 'Only matches in dated items dated on or after this date (overlap).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" to' -l 'to' -d 'Only matches in dated items dated on or before this date (overlap).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" on' -l 'on' -d 'Only matches in dated items known to fall within this day, month or year (see --overlap).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" overlap' -l 'overlap' -d 'With --on, also matches in items whose coarser date may include it (as --from DATE --to DATE).'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" json' -l 'json' -d 'Print JSON instead of lines.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben search" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" from' -l 'from' -d 'Only items dated on or after this date (overlap).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" to' -l 'to' -d 'Only items dated on or before this date (overlap).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" on' -l 'on' -d 'Only items dated within this day, month or year (see --overlap).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" overlap' -l 'overlap' -d 'With --on, also items whose coarser date may include that day.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" match' -l 'match' -d 'Only quotations whose text or citation contains this text.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" by' -l 'by' -d 'Group by month or day.' -rfka 'month day'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" json' -l 'json' -d 'Print JSON: [{"period": "2020-03", "count": 34, "passages": 0}, …].'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben timeline" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben bookmarks" -eq 1' -fa 'list' -d 'List the bookmarks.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben bookmarks" -eq 1' -fa 'add' -d 'Bookmark a passage: a block (and an offset and length in characters), or a whole quotation.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben bookmarks" -eq 1' -fa 'remove' -d 'Remove a bookmark by id (or a unique prefix of it).'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben bookmarks" -eq 1' -fa 'export' -d 'Export bookmarks with their citations.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben bookmarks" -eq 1' -fa 'import' -d 'Import a JSON export of duben (duplicates are skipped).'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben bookmarks" -eq 1' -fa 'check' -d 'Check the bookmark file and explain how to recover it.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks list" bookmarks' -l 'bookmarks' -d 'The bookmark file (default: $DUBEN_BOOKMARKS, else $XDG_DATA_HOME/duben/bookmarks.json, else ~/.local/share/duben/bookmarks.json).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks list" json' -l 'json' -d 'Print JSON (the bookmark objects of the file, missing citation metadata filled from the texts).'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks list" match' -l 'match' -d 'Only bookmarks whose passage, note, label, document title, section or citation contains this text (ASCII case and full-width forms folded, as in `quotes --match`).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks list" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks list" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" bookmarks' -l 'bookmarks' -d 'The bookmark file (default: $DUBEN_BOOKMARKS, else $XDG_DATA_HOME/duben/bookmarks.json, else ~/.local/share/duben/bookmarks.json).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" doc' -l 'doc' -d 'Document (id, number, or part of the title).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" block' -l 'block' -d 'Block index (see `duben dump` or `duben toc`).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" offset' -l 'offset' -d 'Offset in characters into the block.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" length' -l 'length' -d 'Length in characters (default: to the end of the block).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" quotation' -l 'quotation' -d 'Instead of --block: a whole quotation, all its paragraphs with its citation (its index, from 0, as in `duben quotes --json`).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" note' -l 'note' -d 'A note.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" label' -l 'label' -d 'A label.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks add" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks remove" bookmarks' -l 'bookmarks' -d 'The bookmark file (default: $DUBEN_BOOKMARKS, else $XDG_DATA_HOME/duben/bookmarks.json, else ~/.local/share/duben/bookmarks.json).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks remove" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks remove" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" bookmarks' -l 'bookmarks' -d 'The bookmark file (default: $DUBEN_BOOKMARKS, else $XDG_DATA_HOME/duben/bookmarks.json, else ~/.local/share/duben/bookmarks.json).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" format' -l 'format' -d 'markdown, json (W3C Web Annotation), csv, html, or csl-json (the sources as CSL-JSON items); default: the configuration file\'s export format, else markdown.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" output' -l 'output' -d 'Write to this file (default: standard output).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" force' -l 'force' -d 'Overwrite an existing output file (and bibliography).'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" bom' -l 'bom' -d 'CSV: begin with a UTF-8 byte-order mark (for spreadsheet programs).'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" doc' -l 'doc' -d 'Only bookmarks of this document id.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" match' -l 'match' -d 'Only bookmarks whose passage, note, label, document title, section or citation contains this text (ASCII case and full-width forms folded, as in `quotes --match`).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" style' -l 'style' -d 'Citation style: source (the collections\' own form: 习近平：《题名》（2018年2月12日）; the default) or gbt7714 (GB/T 7714-2015 references).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" template' -l 'template' -d 'A citation template instead of a style, e.g. \'{author}：《{title}》（{date}）\'. Fields: {author} {title} {date} {occasion} {section} {place} {source} {kind} {citation}; {{ and }} are braces; an unknown field is an error.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" citations' -l 'citations' -d 'Markdown: lines (a citation line in the style under each passage; the default) or pandoc ([@key] after each passage, for pandoc --citeproc).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" bibliography' -l 'bibliography' -d 'Markdown: also write the CSL-JSON items the [@key]s cite to this file (implies --citations pandoc).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" config' -l 'config' -d 'Read this configuration file (default: $DUBEN_CONFIG, else $XDG_CONFIG_HOME/duben/config.toml, else ~/.config/duben/config.toml).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks import" bookmarks' -l 'bookmarks' -d 'The bookmark file (default: $DUBEN_BOOKMARKS, else $XDG_DATA_HOME/duben/bookmarks.json, else ~/.local/share/duben/bookmarks.json).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks import" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks check" bookmarks' -l 'bookmarks' -d 'The bookmark file (default: $DUBEN_BOOKMARKS, else $XDG_DATA_HOME/duben/bookmarks.json, else ~/.local/share/duben/bookmarks.json).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks check" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben bookmarks check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" doc' -l 'doc' -d 'Document (id, number, or part of the title).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" block' -l 'block' -d 'Block index (see `duben toc` or `duben dump`).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" sentences' -l 'sentences' -d 'Only these sentences of the block, numbered from 1: N or A-B.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" bookmark' -l 'bookmark' -d 'Instead of --doc and --block: a stored bookmark (its id or a unique prefix).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" bookmarks' -l 'bookmarks' -d 'The bookmark file (default: $DUBEN_BOOKMARKS, else $XDG_DATA_HOME/duben/bookmarks.json, else ~/.local/share/duben/bookmarks.json).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" style' -l 'style' -d 'Citation style: source (the collections\' own form: 习近平：《题名》（2018年2月12日）; the default) or gbt7714 (GB/T 7714-2015 references).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" template' -l 'template' -d 'A citation template instead of a style, e.g. \'{author}：《{title}》（{date}）\'. Fields: {author} {title} {date} {occasion} {section} {place} {source} {kind} {citation}; {{ and }} are braces; an unknown field is an error.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" config' -l 'config' -d 'Read this configuration file (default: $DUBEN_CONFIG, else $XDG_CONFIG_HOME/duben/config.toml, else ~/.config/duben/config.toml).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cite" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cache" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cache" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben cache" -eq 1' -fa 'info' -d 'Print the cache\'s directory, entries and size.'
complete -c 'duben' -n '__duben_should_offer_completions_for_positional "duben cache" -eq 1' -fa 'clear' -d 'Remove every entry of the cache.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cache info" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cache info" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cache clear" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben cache clear" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben config" print-default' -l 'print-default' -d 'Print the default configuration file, with comments.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben config" check' -l 'check' -d 'Check the configuration file (or FILE): exit status 1 when it has problems.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben config" path' -l 'path' -d 'Print the path of the configuration file in force.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben config" config' -l 'config' -d 'Read this configuration file (default: $DUBEN_CONFIG, else $XDG_CONFIG_HOME/duben/config.toml, else ~/.config/duben/config.toml).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben config" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben dump" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben dump" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben dump" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben render" doc' -l 'doc' -d 'Only this document (id, number, or part of the title).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben render" width' -l 'width' -d 'Text column width in cells (default: the terminal\'s width less margins, at most 76; 80 when not a terminal).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben render" ambiguous-width' -l 'ambiguous-width' -d 'Cells for East Asian Ambiguous characters such as “ ” … — ·: 1 or 2 (default: 1).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben render" indent' -l 'indent' -d 'First-line indentation of indented paragraphs: keep or none (default: keep).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben render" config' -l 'config' -d 'Read this configuration file (default: $DUBEN_CONFIG, else $XDG_CONFIG_HOME/duben/config.toml, else ~/.config/duben/config.toml).' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben render" encoding' -l 'encoding' -d 'Read every file in this encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5.' -rfka ''
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben render" version' -l 'version' -d 'Show the version.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben render" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'duben' -n '__duben_should_offer_completions_for_flags_or_options "duben help" version' -l 'version' -d 'Show the version.'
