"""Themes on general news (sport, entertainment, technology, business, politics): words of war, terror, votes,
viruses and oil used in their everyday senses give no security theme, while a real election, cyber attack, epidemic or
supply crisis keeps its theme. Every article here is invented for the test (issue 11, rounds 9 and 10, general news)."""

from __future__ import annotations

import pytest

from search.ingest.enrich.text import terms
from search.ingest.enrich.theme_senses import literal
from search.ingest.enrich.theme_text import sentence_starts
from search.ingest.enrich.themes import default_taxonomy, theme_evidence

# Stories that use the words of a theme in another sense: none of them is about a security theme.
ORDINARY = {
    "sport_massacre": (
        'Rovers hit United for five in derby massacre'
        "\n"
        'Rovers produced a blistering attacking display to crush United 5-0 in a one-sided derby at Ewood '
        'Lane on Saturday. The home side laid siege to the United goal from the first whistle, and striker '
        'Danny Rook fired a low shot past the keeper after eight minutes. Captain Mark Hale headed a second '
        'before the break as United\'s defence crumbled under a second-half blitz. "It was a massacre, there '
        'is no other word for it," said United manager Tony Bale, whose war of words with the Rovers boss had '
        'dominated the build-up. "We were shot to pieces at the back and the injuries to our centre-halves '
        'killed us." Rook completed his hat-trick with two more strikes, and the victory keeps Rovers in the '
        'battle for a European place. United, whose campaign has collapsed since the new year, now face a '
        'relegation battle. Fans invaded the pitch at the final whistle, and the club said stewards had '
        'removed a supporter who threw a missile at the visiting goalkeeper.'
    ),
    "sport_rugby": (
        'England launch Six Nations campaign against Wales'
        "\n"
        'England coach Andy Robinson has named a young side to open their Six Nations campaign against Wales '
        "in Cardiff on Saturday. The champions' defence has been the foundation of their success, but "
        'Robinson wants his back line to attack with more ambition. "We know Wales will throw everything at '
        'us. It will be a battle up front and we must win the war at the breakdown," said the coach. Captain '
        'Jason Robinson returns after injury, while the veteran flanker, who served a four-week ban, is fit '
        'again. The Welsh have been bombarding the England line in training drills behind closed doors, '
        "according to reports from their camp. England's travelling army of supporters will outnumber the "
        'home fans in parts of the stadium, and organisers have warned against a pitch invasion. Robinson '
        "said the squad's morale was high after a week at their base in Bath, where the players underwent a "
        'fitness blitz.'
    ),
    "sport_doping": (
        'Sprinter banned for two years after failed drugs test'
        "\n"
        'The European indoor champion has been banned for two years after a failed drugs test at a meeting in '
        'Germany last summer. The athlete, who denies taking the steroid, said he would fight the test ban at '
        'the Court of Arbitration for Sport. "This is an attack on my career and I will battle to clear my '
        'name," he said in a statement. UK Athletics said the sample had been tested twice and both tests '
        'found the banned substance. The federation has launched a campaign against doping and its chief '
        'executive said the sport was at war with the cheats. The ban rules the sprinter out of the '
        'Commonwealth Games and ends his hopes of a place in the relay team.'
    ),
    "ent_war_film": (
        'War film sweeps Bafta awards'
        "\n"
        'A war film about the D-Day landings has won five Baftas, including best film and best director, at '
        'the ceremony in London on Sunday. The drama about the invasion of Normandy follows a platoon of '
        'young troops from the beaches to the liberation of a French village, and critics praised its battle '
        'scenes and its portrayal of civilians caught in the fighting. Its director said he had spent three '
        'years researching the war with veterans. "We wanted to show what these soldiers went through," he '
        "said. The film's star, who plays a sergeant killed in an ambush, won best actor. The ceremony was "
        'the first at its new venue, and the biggest winner of last year, a romantic comedy, went home '
        'empty-handed.'
    ),
    "ent_album": (
        "Band's new album tops charts"
        "\n"
        "The Kaiser Chiefs' album Employment has gone straight to the top of the UK album charts, ending a "
        "chart battle with the latest release from the Stereophonics. The Leeds band's single I Predict A "
        'Riot reached number nine last month and has become an anthem at festivals. Singer Ricky Wilson said '
        'the band owed its success to a word-of-mouth campaign by fans. "We never expected this," he said. '
        'The album was recorded in a converted barracks in Leeds, and its sleeve shows the band in army '
        'uniforms. The group begin a 20-date tour in March, and tickets for the London shows sold out in '
        'hours.'
    ),
    "ent_game": (
        'Shooting game tops Christmas chart'
        "\n"
        'The latest instalment of a best-selling shooting game has topped the UK games chart in the run-up to '
        'Christmas. In the game, players take control of a squad of special forces soldiers who must fight '
        'terrorists in a fictional Middle Eastern city, using assault rifles, grenades and missiles. Players '
        'can also join online battles in which one team plays the terrorists and the other a '
        "counter-terrorism unit. The game's publisher said it had sold 500,000 copies in its first week. "
        "Critics praised its graphics and its online mode, although some parents' groups said the game was "
        'too violent for younger players. The game has a rating of 15 from the British Board of Film '
        'Classification.'
    ),
    "ent_talent_vote": (
        'Pop Idol winner decided by record vote'
        "\n"
        'More than eight million viewers voted in the final of the television talent show on Saturday, a '
        'record for the programme. The ballot was closed at 2100 GMT and the winner was announced live an '
        'hour later. The runner-up, who had topped the polls for weeks, said she had no regrets. "The public '
        'vote is what makes this show, and I respect the voters," she said. The programme\'s producers said '
        "the phone lines had coped with the demand and that every vote had been counted. The winner's single "
        'will be released at Christmas, and bookmakers expect it to be the Christmas number one.'
    ),
    "tech_broadband_war": (
        'Broadband price war hots up'
        "\n"
        "The battle for Britain's broadband customers intensified on Monday when two internet providers cut "
        'the price of their fastest service. The move is the latest shot in a price war that has seen monthly '
        "charges halve in a year. Analysts said the providers were fighting to win users before BT's rivals "
        'install their own equipment in telephone exchanges. "This is a war of attrition and only the biggest '
        'will survive," said one analyst. The cheaper packages will be launched with a television advertising '
        'campaign next week. BT said it would not be drawn into the price battle and would compete on the '
        'quality of its service.'
    ),
    "tech_console_war": (
        'Sony fires first shot in new console war'
        "\n"
        'Sony has fired the first shot in the next round of the games console war by revealing details of the '
        "PlayStation 3 at a games show in Los Angeles. The new machine will go head to head with Microsoft's "
        'Xbox 360, which launches in time for Christmas. Sony said its machine would play high-definition '
        'films, a move that gives its Blu-ray disc a boost in the format war with the rival HD-DVD. '
        "Microsoft's games chief said his company was ready for the battle. Analysts said the two firms would "
        'lose money on every console sold as they fight to win gamers. Nintendo, which has so far stayed out '
        'of the fight, is due to show its own machine on Wednesday.'
    ),
    "biz_takeover": (
        'Glazer wins takeover battle for Manchester United'
        "\n"
        'US tycoon Malcolm Glazer has won control of Manchester United after a year-long takeover battle. His '
        'hostile bid valued the club at 790m pounds, and the board, which had fought off his earlier '
        "approaches, said it could not recommend the offer but would not oppose it. Supporters' groups, which "
        'had mounted a campaign against the bid, said they were devastated. Glazer had threatened a proxy '
        "fight at the club's annual meeting and voted against three directors last year. Shareholders who "
        "held out must now decide whether to sell. The board's defence had rested on the club's debt-free "
        "finances, which Glazer's borrowing will end. The club's shares were suspended on the stock market."
    ),
    "biz_strike": (
        'Postal workers vote for strike'
        "\n"
        'Postal workers have voted to strike over pay, raising the prospect of the first national postal '
        'walkout in a decade. In a ballot of union members, 70% backed industrial action on a turnout of 60%. '
        'The union said its members had rejected a pay offer of 2.9% and wanted a deal that reflected the '
        "company's return to profit. Royal Mail said the vote was disappointing and urged the union to return "
        "to talks. The union must give seven days' notice of any strike. Business groups warned a strike in "
        'the run-up to Christmas would hit retailers and firms that rely on the post. The company said it '
        'would draw up contingency plans.'
    ),
    "biz_defence_contractor": (
        'Boeing wins jet orders from Gulf airline'
        "\n"
        'Boeing has won orders worth 4bn dollars from a Gulf airline, a boost for the US aircraft maker in '
        "its battle with Airbus for sales of long-haul jets. The airline ordered 20 of Boeing's 777 planes, "
        'which will be delivered from 2006. Boeing, also a defense contractor, said its commercial airplane '
        'division had won more orders this year than in any year since 2000. Airbus, in which the European '
        "defence group EADS holds a stake, said it was confident of winning the airline's next order for its "
        'new A350. Shares in Boeing rose 2% in New York.'
    ),
    "biz_oil_prices": (
        'Oil price hits new high'
        "\n"
        'Oil prices hit a record high of 55 dollars a barrel in New York on Monday as traders worried about '
        "low stocks of heating oil ahead of the winter. US crude futures rose 1.20 dollars, while London's "
        'Brent crude rose 1.10 dollars. The rise lifted the shares of oil companies BP and Shell but hit '
        'airline stocks. Analysts said high oil prices were a risk to growth in the world economy. Oil prices '
        'have risen by more than 60% this year. The rise in prices has helped BP to record profits, and the '
        'company is expected to report profits of more than 3bn pounds for the third quarter on Tuesday.'
    ),
    "biz_price_war": (
        'Supermarket price war hits profits'
        "\n"
        'Shares in J Sainsbury fell 4% after it warned that a price war with Tesco and Asda would hit its '
        "profits. The supermarket, which is fighting to recover its place as the UK's second-biggest grocer, "
        'has cut the price of 1,000 items. Its chief executive said the company would not be beaten in the '
        'battle for shoppers. "We are in a war for customers and we intend to win it," he said. Analysts said '
        'the cuts would cost the group 400m pounds over two years. Tesco, whose sales rose 10% last year, '
        'said it would match any price cut. Asda said it would launch its own campaign of cuts in the new '
        'year.'
    ),
}

# Stories about a theme, told with the same everyday words around it: each keeps its theme.
ABOUT = {
    "tech_virus": ('Cyber security', (
        'Mass-mailing virus infects thousands of PCs'
        "\n"
        'A new computer virus that spreads through e-mail has infected tens of thousands of PCs around the '
        'world, anti-virus firms have warned. The virus, called Mydoom, arrives as an attachment in a message '
        'that appears to be an error report. When a user opens the attachment, the virus mails itself to '
        'every address on the infected machine. Anti-virus firm Sophos said the outbreak was the fastest it '
        'had seen since the Sobig worm last summer. "Users should not open attachments they are not '
        'expecting," said a spokesman. Infected computers also open a back door that could let virus writers '
        'take control of them. Firms are urged to update their anti-virus software and to block the '
        'attachments at their mail servers.'
    )),
    "politics_election": ('Elections & democracy', (
        'Blair calls general election for 5 May'
        "\n"
        'Tony Blair has called a general election for 5 May, setting the stage for a four-week campaign in '
        'which Labour will seek a historic third term. The prime minister went to Buckingham Palace to ask '
        'the Queen to dissolve Parliament. Opinion polls give Labour a lead of about five points over the '
        'Conservatives, but party strategists fear a low turnout among Labour voters. Conservative leader '
        'Michael Howard said voters had a clear choice. The Liberal Democrats, who hope to win seats from '
        'both main parties, will launch their election manifesto on Monday. Postal votes have been extended '
        'to all voters, and the Electoral Commission has warned of the risk of fraud.'
    )),
    "tech_hackers": ('Cyber security', (
        'Hackers attack online betting sites'
        "\n"
        'Online bookmakers have been hit by a wave of attacks by hackers demanding money, police said. The '
        "hackers flooded the firms' web sites with traffic in a denial of service attack that left them "
        'unable to take bets. Several firms said they had received e-mails demanding up to 40,000 dollars to '
        'stop the attacks. The National Hi-Tech Crime Unit said it was working with police in Russia to trace '
        'the gang. Security experts said the hackers used thousands of computers hijacked by a virus to flood '
        "the sites. One firm said the attack had cost it a weekend's business."
    )),
    "tech_worm": ('Cyber security', (
        'Sasser worm hits computers across the world'
        "\n"
        'A computer worm that exploits a flaw in Windows has infected hundreds of thousands of computers, '
        'causing some to crash and reboot. The Sasser worm does not need users to open an attachment: it '
        'scans the internet for vulnerable machines. Banks, an airline and a coastguard service said their '
        'systems had been hit. Microsoft urged users to install a patch it released last month. Security '
        "experts said the worm's authors were hackers who exploited the flaw within days of it being made "
        'public. German police later arrested a teenager who admitted writing the malicious program.'
    )),
    "health_bird_flu": ('Pandemics & health security', (
        'Bird flu outbreak spreads in Asia'
        "\n"
        'An outbreak of bird flu has spread to a third Asian country, and the World Health Organization has '
        'warned that the virus could cause a human pandemic. Millions of chickens have been culled in '
        'Thailand and Vietnam, where eight people have died after catching the virus. Health officials fear '
        'it could mix with the human flu virus and spread from person to person. The WHO urged countries to '
        'step up surveillance and said work on a vaccine had begun. Thailand said it had quarantined farms in '
        '12 provinces.'
    )),
    "biz_oil_supply": ('Energy security', (
        'Oil supply fears as Yukos halts exports'
        "\n"
        'Oil prices rose after the Russian oil giant Yukos said it would halt crude exports to China, raising '
        'fears over the security of supply. The firm said a tax bill had frozen its accounts and it could not '
        "pay for rail transport. Yukos produces about 2% of the world's oil. OPEC said it would raise "
        'production to keep markets supplied, and the International Energy Agency said oil supply disruptions '
        'were the biggest risk to the world economy. China, which depends on imported oil for a third of its '
        'needs, said it would seek new suppliers.'
    )),
}


@pytest.mark.parametrize("key", sorted(ORDINARY))
def test_everyday_senses_of_theme_words_give_no_theme(key):
    assert theme_evidence(ORDINARY[key]) == {}


@pytest.mark.parametrize("key", sorted(ABOUT))
def test_a_story_about_a_theme_keeps_it(key):
    theme, text = ABOUT[key]
    assert theme in theme_evidence(text)


def test_parliamentary_rebels_are_no_insurgents():
    """Rebels in a sentence on MPs, backbenchers or whips vote against their party; the same words beside an army
    are a war's."""
    vote = ("Rebels defeat the government\nForty backbench rebels voted against the bill and the rebellion cut the "
            "majority to ten. The whips said the rebels had been offered concessions by MPs on the committee.")
    assert "Armed conflict" not in theme_evidence(vote)
    war = vote.replace("backbench rebels voted against the bill", "rebels attacked an army base") \
        .replace("The whips said the rebels had been offered concessions by MPs on the committee.",
                 "The army said the rebels had shelled the town and troops were sent.")
    assert "Armed conflict" in theme_evidence(war)


def test_sanctions_of_a_sports_body_are_no_trade_measure():
    uefa = ("Club punished\nUefa imposed sanctions on the club after its fans threw flares. The club's appeal "
            "against the sanctions was rejected and its fans are banned from the next away match.")
    assert "Economic security & supply chains" not in theme_evidence(uefa)
    state = ("Exports punished\nThe European Union imposed sanctions on the country after its army fired on "
             "protesters. The government's appeal against the sanctions was rejected and its oil exports are banned.")
    assert "Economic security & supply chains" in theme_evidence(state)


def test_labour_unrest_over_pay_is_no_civil_unrest():
    strike = ("Dockers strike\nLabour unrest spread to the ports as dockers walked out over pay. The industrial "
              "unrest has closed three ports, and the union held a rally outside the ministry.")
    assert "Protests & civil unrest" not in theme_evidence(strike)
    riot = strike.replace("Labour unrest", "Unrest").replace("The industrial unrest has closed three ports",
                                                             "Riots broke out, police fired tear gas at protesters")
    assert "Protests & civil unrest" in theme_evidence(riot)


def test_a_computer_virus_is_cyber_security_not_an_epidemic():
    themes = theme_evidence(ABOUT["tech_virus"][1])
    assert "Pandemics & health security" not in themes
    assert "computer virus" in themes["Cyber security"]


def test_an_epidemic_needs_an_illness_named_beside_its_cues():
    outbreak = ("Outbreak closes schools\nAn outbreak in the town has infected hundreds of people, and the virus "
                "is spreading. Officials said the outbreak had put 12 patients in hospital. "
                "The infected were kept in quarantine.")
    assert "Pandemics & health security" in theme_evidence(outbreak)
    machines = outbreak.replace("12 patients in hospital", "12 servers offline")
    assert "Pandemics & health security" not in theme_evidence(machines)


def test_a_vote_needs_an_office_a_party_or_a_legislature():
    ballot = ("Nurses vote for strike\nNurses have voted for a strike in a ballot of union members. "
              "Turnout was 55% and 80% of voters backed the walkout, the union said.")
    assert "Elections & democracy" not in theme_evidence(ballot)
    poll = ballot.replace("union members", "party members in the parliamentary constituency")
    assert "Elections & democracy" in theme_evidence(poll)


def test_an_election_word_alone_does_not_vouch_for_a_vote_on_politics():
    """A board election or a chairman's re-election holds the cue words themselves; the sentence must also name an
    office of a polity, a party or a legislature (the election words are cues, not the subject they need). (Since
    round 10 a sentence naming a chairman, shareholders or directors makes its election words a body's: not_near.)"""
    board = ("Brewer's investors back chairman\nShareholders of the brewer voted at the annual meeting to re-elect "
             "the chairman, and the board election drew a record turnout of investors. The ballot ended a proxy "
             "campaign by a hedge fund, which had asked voters to elect two directors of its own.")
    assert "Elections & democracy" not in theme_evidence(board)
    town = board.replace("Shareholders of the brewer voted at the annual meeting to re-elect the chairman, and the "
                         "board election drew", "Citizens voted at the town meeting to re-elect the mayor, and the "
                         "mayoral election drew").replace("two directors", "two councillors")
    assert "Elections & democracy" in theme_evidence(town)

def test_a_football_striker_is_no_striking_worker():
    """"strikers" is matched as the exact word: its stem is also a forward's post ("the striker was sent off")."""
    match = ("Derby ends in red card\nThe striker was sent off for violent conduct after a clash with the defender, "
             "and fans threw coins at the referee. Police arrested two supporters after unrest in the stands.")
    assert "Protests & civil unrest" not in theme_evidence(match)
    mine = ("Miners clash with police\nPolice fired tear gas at strikers who blocked the gates of the mine. The "
            "miners, on strike for three weeks over pay, threw stones and two strikers were arrested.")
    assert "Protests & civil unrest" in theme_evidence(mine)

def test_oil_prices_need_supply_or_a_dispute_beside_them():
    market = ("Oil prices climb\nOil prices rose for a third day and crude futures gained 2%. "
              "Natural gas prices also rose in New York trading.")
    assert "Energy security" not in theme_evidence(market)
    supply = market.replace("Natural gas prices also rose", "Gas prices also rose as gas supplies to Europe fell")
    assert "Energy security" in theme_evidence(supply)


def test_a_firm_called_a_defence_contractor_is_not_the_arms_trade():
    airliners = ("Jet maker wins orders\nThe aircraft maker, also a defence contractor, won orders for 30 airliners. "
                 "Its rival, a European defence group, said it would bid for the airline's next order.")
    assert "Defence industry & arms trade" not in theme_evidence(airliners)
    arms = airliners.replace("won orders for 30 airliners", "won a contract for 30 fighter jets for the air force")
    assert "Defence industry & arms trade" in theme_evidence(arms)


def test_cues_in_a_sentence_on_a_film_or_a_game_are_dropped():
    text = "The film shows troops storming a beach. Troops landed at dawn and civilians fled the shelling."
    stems = terms(text)
    theme = next(t for t in default_taxonomy().themes if t.name == "Armed conflict")
    starts = sentence_starts(text)
    mentions = [(None, 1.0, stems.index("troop")), (None, 1.0, len(stems) - 2)]
    kept = literal({theme.name: list(mentions)}, [theme], stems, lambda: starts)
    assert kept == {theme.name: mentions[1:]}
    assert literal({theme.name: mentions[:1]}, [theme], stems, lambda: starts) == {}
