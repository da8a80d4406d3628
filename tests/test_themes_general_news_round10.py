"""Themes on general news, round 10's probes (issue 11): more everyday senses of theme words that give no theme, and
stories about a theme told with the same words, one invented article each (split from test_themes_general_news.py).
"""

from __future__ import annotations

import pytest

from search.ingest.enrich.themes import theme_evidence

# Round 10's probes (issue 11, general news): more everyday senses, one article each, every one invented.
ORDINARY_10 = {
    "sport_cricket_hostilities": (
        'Harmison routs South Africa on day two'
        "\n"
        "Steve Harmison took five wickets as England's pace attack ripped through South Africa's top order at "
        'Kingsmead on Friday. Hostilities resumed after lunch under grey skies. Harmison bombarded the openers with '
        'short balls and the hosts were 98 for six at tea. "We wanted to be aggressive from the first over," said '
        'the Durham fast bowler. Captain Michael Vaughan kept three slips in place all afternoon, and the tail put '
        'up stubborn resistance until the new ball. The series is level at 1-1 with two Tests to play, and the war '
        'of words between the two camps continued after stumps.'
    ),
    "sport_shootout": (
        'Liverpool win Champions League in shoot-out'
        "\n"
        'Liverpool came back from three goals down to beat AC Milan on penalties in the Champions League final in '
        'Istanbul. Milan led 3-0 at half-time after a devastating first-half raid down the right, but captain '
        "Steven Gerrard headed in a cross on 54 minutes to spark the comeback. Liverpool's attack then struck twice "
        'in six minutes to level the scores. Milan laid siege to the Liverpool goal in extra time, but keeper Jerzy '
        'Dudek made a double save from striker Andriy Shevchenko. In the shoot-out Dudek saved from Andrea Pirlo '
        'and Shevchenko. "We never gave up," said manager Rafael Benitez. The victory means Liverpool will defend '
        'the trophy next season.'
    ),
    "sport_sanctions": (
        'Uefa imposes sanctions on club over racist chanting'
        "\n"
        "European football's governing body Uefa has imposed sanctions on a Spanish club after racist chanting at a "
        'Champions League match in November. The club was fined 100,000 euros and must play its next home tie '
        'behind closed doors. Uefa said the sanctions sent a clear message that racism would not be tolerated. '
        'Anti-racism campaigners said the fine was too low and called for tougher sanctions, including points '
        'deductions. The club said it would appeal. Its coach, who was fined last year for comments about a black '
        'player, said the punishment was unfair to the fans who had behaved well.'
    ),
    "sport_war_of_words": (
        'Mourinho and Wenger in war of words'
        "\n"
        'Chelsea manager Jose Mourinho has reignited his war of words with Arsenal boss Arsene Wenger, calling him '
        "a voyeur who is obsessed with Chelsea. The row escalated after Wenger questioned the champions' tactics at "
        'the weekend. "He is one of those people who is always looking at other people," said Mourinho. Wenger '
        'refused to respond, saying only that he was concentrating on his own team. The feud between the two '
        'managers has simmered since Mourinho arrived in England last summer. The two sides meet in the league next '
        "month, when the visitors will again try to break down the champions' defence."
    ),
    "politics_rebels": (
        'Labour rebels cut Blair majority on ID cards'
        "\n"
        "Tony Blair's majority was cut to 31 as Labour rebels voted against the government's identity cards bill in "
        'the Commons on Tuesday. Thirty Labour MPs joined the Conservatives and Liberal Democrats in opposing the '
        'plans, the biggest rebellion since the vote on university top-up fees. Home Secretary Charles Clarke said '
        'the cards would help fight identity fraud and illegal working. Rebel leader Bob Marshall-Andrews said the '
        'scheme would cost billions and erode civil liberties. The bill now goes to the House of Lords, where peers '
        'are expected to seek changes. Ministers had offered concessions to the rebels in an attempt to head off '
        'the revolt.'
    ),
    "politics_conference": (
        'Brown rallies Labour conference'
        "\n"
        "Chancellor Gordon Brown won a standing ovation at Labour's annual conference in Brighton with a speech "
        'promising more money for childcare and pensions. Delegates later defeated the leadership in a vote on the '
        "future of council housing, a blow to ministers. Union leaders said the vote showed the party's members "
        'wanted more investment in homes. Mr Brown told delegates the party must stay united. The conference also '
        "heard from the party's general secretary, who said membership had risen. The prime minister will give his "
        'keynote speech on Tuesday.'
    ),
    "tech_piracy": (
        'Film studios sue file-sharers'
        "\n"
        'Hollywood studios have begun suing people who swap films over the internet, following the lead of the '
        'music industry. The Motion Picture Association of America said it had filed lawsuits against hundreds of '
        'people who used peer-to-peer networks to share copies of films. Piracy costs the studios billions of '
        'dollars a year, the association said. The studios also plan to sell films as downloads protected by '
        'encryption so they cannot be copied. Critics said the copy protection would be cracked within weeks. The '
        'record industry has sued more than 7,000 people in the US since 2003.'
    ),
    "tech_spam": (
        'Spam makes up two thirds of all e-mail'
        "\n"
        'Junk e-mail now makes up two thirds of all messages sent, according to a survey by an e-mail filtering '
        'firm. Most of the spam advertised drugs, cheap loans and fake watches. The firm said the volume of spam '
        'had doubled in a year despite new laws in the US and Europe. Anti-spam campaigners said the laws had not '
        'deterred the spammers, who are hard to trace. Internet providers said their filters blocked most of the '
        'junk before it reached users. The survey found that the UK received more spam than any other country in '
        'Europe.'
    ),
    "tech_robots": (
        'Robot pets learn new tricks'
        "\n"
        "Sony's latest robot dog can recognise its owner's face and voice thanks to artificial intelligence "
        'software that learns as it plays, the company said. The Aibo, which costs 1,500 pounds, can also take '
        'photographs and read out e-mails. Sony said robotics would be a growing business for it. Rival firms in '
        'Japan have shown robots that can climb stairs and play the trumpet. The company said it had sold more than '
        '150,000 of the robot dogs since 1999. Artificial intelligence experts said the toys were a long way from '
        'real intelligence.'
    ),
    "ent_battle_of_bands": (
        'Battle of the bands winner signs record deal'
        "\n"
        'A four-piece from Glasgow who won a national battle of the bands contest have signed a record deal with a '
        'major label. More than 2,000 bands entered the competition, and the final was decided by a public vote of '
        'listeners. The band beat the favourites, a rock group from Bristol, in a close ballot. Their debut single '
        "will be released in the spring, and they will support a chart-topping act on tour. The contest's "
        'organisers said the turnout of voters had been the highest in its history.'
    ),
    "ent_album_attack": (
        'Rock band release Attack album'
        "\n"
        'The rock band Siege have released their third album, Attack, which they describe as their heaviest yet. '
        'Its first single, Rebels, reached number 12 last month. Frontman Dan Cole said the band had written the '
        'songs during a year on the road. "We wanted the record to sound like a riot," he said. The group will play '
        "a sold-out show at the Brixton Academy in March. Critics have praised the album's guitar sound."
    ),
    "ent_doctor_who": (
        'Daleks return to Doctor Who'
        "\n"
        "The Daleks are to return to BBC One's Doctor Who for the first time in 17 years. In the new series, the "
        'Doctor and his companion Rose face an invasion of London by the metal monsters. Writer Russell T Davies '
        'said the Daleks were the most famous villains in television history. The BBC had reached a deal with the '
        'estate of their creator, Terry Nation, after months of talks. The series, starring Christopher Eccleston, '
        'begins in March, with 13 episodes.'
    ),
    "biz_airline_fuel": (
        'Oil prices hit European airlines'
        "\n"
        "Europe's biggest airlines have raised fuel surcharges on long-haul flights as high oil prices push up "
        'their costs. British Airways said its fuel bill would rise by 300m pounds this year, and Air France-KLM '
        'said energy prices were the biggest threat to its profits. Crude oil prices have risen by more than 50% in '
        'a year. Analysts said European airlines were hit harder than their US rivals, which had bought fuel in '
        'advance at lower prices. BA shares fell 3% in London, while low-cost carriers said they would not add '
        'surcharges.'
    ),
    "biz_takeover_vote": (
        'Shareholders reject takeover in vote'
        "\n"
        'Shareholders in the German stock exchange have forced its chief executive to drop his bid for the London '
        'Stock Exchange. A coalition of hedge funds led opposition to the bid, and its leaders said they would vote '
        'to remove the board at the annual meeting. The chairman has also agreed to step down at the end of the '
        'year. The funds said the company should return cash to shareholders instead of spending it on a takeover. '
        'The exchange said it would hand 500m euros back to investors.'
    ),
    "biz_strike_pickets": (
        'Airport staff walk out over pay'
        "\n"
        'Check-in and baggage staff at Heathrow walked out on Thursday in a dispute over pay, causing delays for '
        'thousands of passengers. Pickets gathered outside the terminals from dawn, and the union said the strike '
        'would last 24 hours. The airline said it had brought in managers to keep flights running. Union officials '
        'said members had rejected a 3% pay offer and would stage further strikes over the holiday period unless '
        'talks resumed. Passengers were advised to check with the airline before travelling.'
    ),
    "biz_chairman_vote": (
        'Exchange members pick new chairman'
        "\n"
        'Members of the futures exchange have elected a floor trader as their chairman, ending the veteran '
        "chairman's nine years in charge. The new chairman won the vote by 412 to 298 after a campaign in which "
        'both candidates promised lower fees. The election also gave local traders two more seats on the board. '
        'Shareholders will vote next month on a plan to merge the exchange with a rival, which the new chairman has '
        "said he supports. The exchange's directors said the vote on the merger would need a two-thirds majority."
    ),
    "sport_flu": (
        'Flu outbreak hits Chelsea squad'
        "\n"
        "Chelsea will be without five players for Saturday's match at Blackburn after a flu virus swept through the "
        'squad. Manager Jose Mourinho said the illness had hit the team during the week and that two of the players '
        'were still in bed. "It is a virus, there is nothing we can do," he said. The club\'s doctors have kept the '
        'infected players away from the training ground to stop the outbreak spreading. Chelsea lead the table by '
        'nine points, and Mourinho said he would not ask the league to postpone the game.'
    ),
    "sport_doping_epidemic": (
        'Athletics chief warns of doping epidemic'
        "\n"
        'The head of world athletics has warned that the sport faces an epidemic of doping after three more '
        'sprinters tested positive for a designer steroid. He said the drug had been made to escape detection and '
        'that the health of young athletes was at risk. "This is an epidemic and we will fight it," he said. The '
        'three athletes face two-year bans. Testers will take more samples out of competition this year, and the '
        'federation will store samples so that they can be tested again when new methods exist.'
    ),
    "biz_airbus": (
        'Airbus unveils giant A380'
        "\n"
        "Airbus has unveiled the A380, the world's biggest passenger jet, at a ceremony in Toulouse attended by the "
        'leaders of France, Germany, Spain and Britain. The plane can carry up to 800 passengers. Its parent '
        'company EADS, the European aerospace and defence group, said Airbus had won 149 orders from 14 airlines. '
        'Boeing, which is betting on a smaller long-haul jet, says the market for such large planes is limited. '
        'EADS, the defence group that owns 80% of Airbus, said the contract with its first customer, Singapore '
        'Airlines, would see deliveries begin next year. Shares in EADS rose 2% in Paris.'
    ),
    "ent_band_aid": (
        'Band Aid 20 single goes straight to number one'
        "\n"
        "The Band Aid 20 version of Do They Know It's Christmas? has gone straight to number one in the UK singles "
        'chart, selling more than 200,000 copies in its first week. The song, first recorded in 1984 to raise money '
        'for victims of the famine in Ethiopia, was recorded again by stars including Chris Martin and Dido. Money '
        "from the new version will go to aid agencies working in Sudan's Darfur region, where refugees have fled "
        'fighting between militias and rebels. Organiser Bob Geldof said he hoped the single would be the Christmas '
        'number one. The video shows footage of the famine of 1984.'
    ),
    "politics_budget": (
        'Brown unveils pre-election Budget'
        "\n"
        'Chancellor Gordon Brown has raised the threshold for stamp duty and promised more money for pensioners in '
        'what critics called a pre-election Budget. He said the economy would grow by 3% to 3.5% this year. The '
        'defence budget will rise by 1bn pounds over three years, and there will be more money for schools. Shadow '
        'chancellor Oliver Letwin said taxes would have to rise after the election whoever won. The Liberal '
        'Democrats said the Budget did nothing for students.'
    ),
}

ABOUT_10 = {
    "tech_phone_virus": ('Cyber security', (
        'Virus spreads to mobile phones'
        "\n"
        'The first virus that spreads between mobile phones has been found in the wild, anti-virus firms have said. '
        'The Cabir program infects phones running the Symbian software and spreads over Bluetooth to other handsets '
        'nearby. It drains the battery but does not delete data. Security experts said the worm was written by a '
        'group of virus writers to show that phones could be attacked. Users were advised to turn off Bluetooth '
        'when not using it. Experts fear future phone viruses could steal data or make costly calls.'
    )),
    "tech_phishing": ('Cyber security', (
        'Bank customers targeted by phishing scam'
        "\n"
        'Customers of several UK banks have been targeted by a phishing scam that tries to steal their account '
        'details. The e-mails, which appear to come from the banks, ask customers to confirm passwords on a fake '
        'web site. Security firms said the fraudsters were using networks of hijacked computers to send millions of '
        'the messages. One bank said a number of customers had lost money. Police said the gang behind the attack '
        'was based in Eastern Europe. Banks never ask for passwords by e-mail, a spokesman said.'
    )),
    "biz_bae_results": ('Defence industry & arms trade', (
        'BAE profits boosted by US defence business'
        "\n"
        'Defence contractor BAE Systems has reported a 20% rise in profits, helped by strong demand from the '
        'Pentagon for armoured vehicles and electronics. The group said orders from the US military now made up a '
        'third of its sales. Its Eurofighter Typhoon jets are being delivered to the RAF, and it is in talks to '
        'sell the aircraft to Saudi Arabia. BAE said defence budgets in the US and Britain would keep rising. '
        'Shares rose 4%.'
    )),
    "politics_tory_campaign": ('Elections & democracy', (
        'Howard launches Tory election campaign'
        "\n"
        'Conservative leader Michael Howard has launched his general election campaign with a pledge to cut taxes '
        'and control immigration. Speaking in London, he said voters faced a clear choice on 5 May. Opinion polls '
        'show the Tories trailing Labour by three points, but party strategists believe a low turnout could help '
        'them win marginal seats. The Liberal Democrats launch their campaign on Monday.'
    )),
    "biz_gas_dispute": ('Energy security', (
        'Gas supplies to Europe cut in price row'
        "\n"
        'Russia cut gas supplies to Belarus on Wednesday in a row over prices, reducing deliveries to Poland and '
        'Germany through a pipeline that crosses the country. Gazprom said Belarus had refused to pay the new price '
        'and had been taking gas meant for European customers. The European Commission said the dispute showed that '
        'Europe was too dependent on Russian gas and called for new suppliers. Supplies were restored after 24 '
        'hours when Belarus agreed to pay.'
    )),
    "politics_campaign_war": ('Elections & democracy', (
        'Parties open election war chests'
        "\n"
        'Labour and the Conservatives will spend up to 20m pounds each on the general election campaign, as the '
        "parties prepare for battle. Labour's campaign chief said the party would go on the offensive in marginal "
        'seats, where activists have bombarded voters with leaflets. The Tories said their battle bus would visit '
        '100 constituencies in four weeks. The Liberal Democrats, with a smaller war chest, will target seats where '
        'Labour voters are unhappy about the Iraq war. Polls suggest a turnout below 60%.'
    )),
    "politics_terror_law": ('Terrorism & violent extremism', (
        'Lords defeat government on terror law'
        "\n"
        'The House of Lords has defeated the government over its plans to place terror suspects under house arrest '
        'without trial. Peers voted by 249 to 119 to require a judge, not the home secretary, to approve the '
        'control orders. Ministers say the powers are needed to deal with suspected terrorists who cannot be '
        'prosecuted because the evidence comes from intelligence. Critics said the plans would end centuries of '
        'legal protection. The bill returns to the Commons on Thursday, where the government hopes to overturn the '
        'defeat before the powers to detain foreign terrorism suspects expire.'
    )),
    "politics_hunting_protest": ('Protests & civil unrest', (
        'Hunt supporters clash with police'
        "\n"
        'Thousands of protesters clashed with police outside Parliament as MPs voted to ban hunting with dogs. '
        'Police used batons to hold back demonstrators who tried to break through barriers in Parliament Square, '
        'and several people were taken to hospital with head injuries. Inside the Commons, five protesters burst '
        'into the chamber and interrupted the debate. The Countryside Alliance said the protest was peaceful until '
        'police charged the crowd. Scotland Yard said 17 people had been arrested.'
    )),
}


@pytest.mark.parametrize("key", sorted(ORDINARY_10))
def test_everyday_senses_of_theme_words_give_no_theme(key):
    assert theme_evidence(ORDINARY_10[key]) == {}


@pytest.mark.parametrize("key", sorted(ABOUT_10))
def test_a_story_about_a_theme_keeps_it(key):
    theme, text = ABOUT_10[key]
    assert theme in theme_evidence(text)


def test_a_phone_virus_is_cyber_security_and_a_campaign_war_chest_no_war():
    """A virus that spreads between handsets is malware, no epidemic; an election campaign's "war chest", "battle"
    and "offensive" beside one mention of a real war are no armed conflict."""
    assert "Pandemics & health security" not in theme_evidence(ABOUT_10["tech_phone_virus"][1])
    assert set(theme_evidence(ABOUT_10["politics_campaign_war"][1])) == {"Elections & democracy"}
